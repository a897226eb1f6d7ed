/**
 * The interactive MASON Console for RecEco (its own issue). For now this module assembles the launcher's
 * class path: it depends on every other module.
 */
package org.receco.gui;
