package org.receco.scenarios.wiring;

import java.util.ArrayList;
import java.util.List;
import org.receco.agents.Components;
import org.receco.agents.events.BreakingNews;
import org.receco.agents.events.SwitchRecommender;
import org.receco.agents.space.SyntheticSpace;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricContext;
import org.receco.analysis.metrics.MetricsObserver;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.core.config.KernelConfig;
import org.receco.core.rng.RandomStreams;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.World;
import org.receco.scenarios.ComponentParams;
import org.receco.scenarios.model.BreakingNewsSpec;
import org.receco.scenarios.model.EventSpec;
import org.receco.scenarios.model.RecommenderSpec;
import org.receco.scenarios.model.Scenario;
import org.receco.scenarios.model.SwitchRecommenderSpec;

/**
 * Assembles a {@link RecEcoModel} from a validated {@link Scenario}: the synthetic space, the named user,
 * author and recommender implementations with their parameter records, the built-in metrics and the events.
 * Entities never see the scenario; only this class does (RecSim NG's "stories" separation).
 */
public final class ScenarioWiring implements Wiring {
    private final Scenario scenario;
    private final KernelConfig config;
    private SyntheticSpace space;

    public ScenarioWiring(Scenario scenario) {
        this.scenario = scenario;
        int threads = scenario.threads() == 0 ? Runtime.getRuntime().availableProcessors() : scenario.threads();
        this.config = new KernelConfig(scenario.seed(), scenario.rounds(), scenario.items().lifetime(),
                scenario.recommender().trainEvery(), scenario.recommender().trainFrom(), threads, scenario.slate(),
                scenario.recommender().startup());
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public KernelConfig config() {
        return config;
    }

    @Override
    public String name() {
        return scenario.name();
    }

    @Override
    public World createWorld(RandomStreams streams) {
        space = new SyntheticSpace(scenario.space(), streams);
        int users = scenario.users().count();
        int authors = scenario.authors().count();
        int perRound = Math.max(1, authors * 5);
        int lifetime = Math.max(1, scenario.items().lifetime());
        return new World(space.space(), users, authors, perRound * Math.min(lifetime + 1, scenario.rounds()));
    }

    @Override
    public UserChoiceModel createUserModel() {
        return ComponentParams.create(Components.USER_MODELS.get(scenario.users().model()), scenario.users());
    }

    @Override
    public AuthorModel createAuthorModel() {
        return ComponentParams.create(Components.AUTHOR_MODELS.get(scenario.authors().model()), scenario.authors());
    }

    @Override
    public void populate(RecEcoModel model) {
        RandomStreams streams = model.streams();
        SyntheticSpace.Population users = space.drawUsers(scenario.users().count(), streams.stream("space.users"));
        model.addUsers(users.vectors(), users.topics());
        SyntheticSpace.Population authors =
                space.drawAuthors(scenario.authors().count(), streams.stream("space.authors"));
        model.addAuthors(authors.vectors(), authors.topics());
    }

    @Override
    public Recommender createRecommender(GroundTruth truth) {
        return createRecommender(scenario.recommender(), truth);
    }

    /** Creates the recommender a spec names; ground truth is passed only to factories that declare they need it. */
    public static Recommender createRecommender(RecommenderSpec spec, GroundTruth truth) {
        return ComponentParams.createRecommender(Components.RECOMMENDERS.get(spec.name()), spec, truth);
    }

    /**
     * The observers recording the metrics the scenario names ({@code metrics.names}; empty = the catalogue's
     * defaults, see {@link MetricCatalog}) with the scenario's metric options: one {@link MetricsObserver} for
     * those computed from the round's data, one observer per group of live-only ones.
     */
    @Override
    public List<Observer> createObservers() {
        return MetricCatalog.observers(scenario.metrics().names(), MetricContext.of(scenario.metrics().config()));
    }

    @Override
    public List<ScenarioEvent> events() {
        List<ScenarioEvent> list = new ArrayList<>();
        for (EventSpec e : scenario.events()) {
            if (e instanceof BreakingNewsSpec b) {
                list.add(new BreakingNews(b.round(), b.topic(), b.items(), b.quality(), b.spread(), b.authors(),
                        b.authorIds()));
            } else if (e instanceof SwitchRecommenderSpec s) {
                RecommenderSpec spec = s.recommender();
                list.add(new SwitchRecommender(s.round(), spec.name(), truth -> createRecommender(spec, truth)));
            }
        }
        return list;
    }
}
