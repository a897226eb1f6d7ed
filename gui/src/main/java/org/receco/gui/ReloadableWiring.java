package org.receco.gui;

import org.receco.core.ForwardingWiring;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.scenarios.LoadedScenario;
import org.receco.scenarios.wiring.ScenarioWiring;

/**
 * A {@link Wiring} whose scenario can be replaced between runs: the GUI keeps one {@link RecEcoModel} for the
 * Console and, before each start, points this at the scenario as currently edited in the model inspector.
 * The model reads its wiring only in {@code start()}, so a replacement takes effect at the next start.
 */
final class ReloadableWiring extends ForwardingWiring {
    private volatile LoadedScenario loaded;
    private volatile ScenarioWiring delegate;

    ReloadableWiring(LoadedScenario loaded) {
        use(loaded);
    }

    /** Uses {@code next} from the next model start on. */
    void use(LoadedScenario next) {
        this.loaded = next;
        this.delegate = new ScenarioWiring(next.scenario());
    }

    LoadedScenario loaded() {
        return loaded;
    }

    @Override
    protected ScenarioWiring delegate() {
        return delegate;
    }
}
