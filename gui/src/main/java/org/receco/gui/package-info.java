/**
 * RecEco's interactive MASON GUI, {@code receco gui}: the Console on a {@link org.receco.gui.RecEcoGui}
 * (a {@code GUIState} wrapping {@link org.receco.core.RecEcoModel}), a 2-D PCA view of the latent space,
 * live metric charts, agent inspectors and the scenario's parameters in the model inspector. A GUI run is
 * recorded to the same H2 run store as {@code receco run}. This module also assembles the launcher's class
 * path: it depends on every other module.
 */
package org.receco.gui;
