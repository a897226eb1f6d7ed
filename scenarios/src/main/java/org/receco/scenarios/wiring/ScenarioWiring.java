package org.receco.scenarios.wiring;

import java.util.ArrayList;
import java.util.List;
import org.receco.agents.Components;
import org.receco.agents.data.RatingsWorld;
import org.receco.agents.space.SyntheticSpace;
import org.receco.agents.text.GeneratedItemText;
import org.receco.agents.text.ItemTextTables;
import org.receco.agents.users.llm.LlmSession;
import org.receco.analysis.metrics.MetricCatalog;
import org.receco.analysis.metrics.MetricContext;
import org.receco.analysis.metrics.MetricsObserver;
import org.receco.core.RecEcoModel;
import org.receco.core.Wiring;
import org.receco.core.config.KernelConfig;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.spi.AuthorModel;
import org.receco.core.spi.Observer;
import org.receco.core.spi.Recommender;
import org.receco.core.spi.ScenarioEvent;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.world.GroundTruth;
import org.receco.core.world.World;
import org.receco.scenarios.ComponentParams;
import org.receco.scenarios.VocabularyFile;
import org.receco.scenarios.model.EventContext;
import org.receco.scenarios.model.EventKinds;
import org.receco.scenarios.model.EventSpec;
import org.receco.scenarios.model.ItemTextSpec;
import org.receco.scenarios.model.NamedComponentSpec;
import org.receco.scenarios.model.PopulationSpec;
import org.receco.scenarios.model.RecommenderSpec;
import org.receco.scenarios.model.Scenario;

/**
 * Assembles a {@link RecEcoModel} from a validated {@link Scenario}: the synthetic space, the named user,
 * author and recommender implementations with their parameter records, the built-in metrics and the events.
 * Entities never see the scenario; only this class does (RecSim NG's "stories" separation).
 */
public final class ScenarioWiring implements Wiring {
    private final Scenario scenario;
    private final KernelConfig config;
    private final LlmSession llm;
    private SyntheticSpace space;
    /** The world fitted to {@code world.ratings}, or null in a synthetic world. */
    private RatingsWorld ratings;

    /** Wiring for a live run: LLM populations, if any, ask their endpoints. */
    public ScenarioWiring(Scenario scenario) {
        this(scenario, LlmSession.live(scenario.name()));
    }

    /** Wiring whose LLM populations use {@code llm} (a replay, the run's name for the call cache). */
    public ScenarioWiring(Scenario scenario, LlmSession llm) {
        this.scenario = scenario;
        this.llm = llm;
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
        if (scenario.world().fromRatings()) {
            ratings = RatingsWorlds.world(scenario.world().ratingsDir(),
                    scenario.world().fitParams(scenario.space().dims()));
            return ratings.newWorld(scenario.users().totalCount() - ratings.data().users());
        }
        space = new SyntheticSpace(scenario.space(), streams);
        int users = scenario.users().totalCount();
        int authors = scenario.authors().count();
        int perRound = Math.max(1, authors * 5);
        int lifetime = Math.max(1, scenario.items().lifetime());
        World world = new World(space.space(), users, authors, perRound * Math.min(lifetime + 1, scenario.rounds()));
        ItemTextSpec text = scenario.items().text();
        world.setText(new GeneratedItemText(VocabularyFile.load(text.vocabulary()).renamed(text.topicNames()),
                world.items(), streams));
        return world;
    }

    /** The user model of population 0, the first of {@code users.populations} (or the single population). */
    @Override
    public UserChoiceModel createUserModel() {
        return userModel(scenario.users().all().get(0));
    }

    @Override
    public String userPopulationName() {
        return scenario.users().all().get(0).name();
    }

    @Override
    public String userModelName() {
        return scenario.users().all().get(0).model();
    }

    /** The run's LLM session, which every LLM population of this wiring is attached to. */
    public LlmSession llm() {
        return llm;
    }

    private UserChoiceModel userModel(NamedComponentSpec spec) {
        UserChoiceModel m = ComponentParams.create(Components.USER_MODELS.get(spec.componentName()), spec);
        if (m instanceof LlmSession.Attachable a) {
            a.attach(llm);
        }
        return m;
    }

    @Override
    public AuthorModel createAuthorModel() {
        return ComponentParams.create(Components.AUTHOR_MODELS.get(scenario.authors().model()), scenario.authors());
    }

    /**
     * Population 0's users come from the stream {@code space.users} (as they always have, so single-population
     * scenarios keep their results); population p &gt; 0's from {@code space.users.<name>}. In a ratings world
     * population 0 is the data's users, with the genres' authors and the movies ({@link RatingsWorld#populate}),
     * and further populations resample them.
     */
    @Override
    public void populate(RecEcoModel model) {
        RandomStreams streams = model.streams();
        List<PopulationSpec> populations = scenario.users().all();
        if (ratings != null) {
            ratings.populate(model);
        }
        for (int p = ratings == null ? 0 : 1; p < populations.size(); p++) {
            PopulationSpec spec = populations.get(p);
            int id = p == 0 ? 0 : model.addPopulation(spec.name(), spec.model(), userModel(spec));
            SyntheticSpace.Population users = drawUsers(spec.count(),
                    streams.stream(p == 0 ? "space.users" : "space.users." + spec.name()));
            model.addUsers(users.vectors(), users.topics(), id);
        }
        if (ratings != null) {
            return;
        }
        SyntheticSpace.Population authors =
                space.drawAuthors(scenario.authors().count(), streams.stream("space.authors"));
        model.addAuthors(authors.vectors(), authors.topics());
    }

    /** Users for a population: from the synthetic space, or resampled from a ratings world's users. */
    private SyntheticSpace.Population drawUsers(int count, SplitMix rng) {
        return ratings != null ? ratings.drawUsers(count, rng) : space.drawUsers(count, rng);
    }

    /** The world fitted to {@code world.ratings} once the model has started, or null in a synthetic world. */
    public RatingsWorld ratingsWorld() {
        return ratings;
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
     * those computed from the round's data, over the users of {@code metrics.populations} (empty = every user;
     * a {@code metrics.userShare} sample of them below 1),
     * and one observer per group of live-only ones; then the {@link #recorders()}.
     */
    @Override
    public List<Observer> createObservers() {
        List<Observer> list = new ArrayList<>(MetricCatalog.observers(scenario.metrics().names(),
                MetricContext.of(scenario.metrics().config()), scenario.metrics().populations(),
                scenario.metrics().userShare()));
        list.addAll(recorders());
        return list;
    }

    /** Observers that record rows rather than metrics, whatever metrics a run computes: the items' words. */
    public static List<Observer> recorders() {
        return List.of(new ItemTextTables());
    }

    /**
     * Each event spec's kernel event ({@link EventSpec#create}), leaving out {@link EventSpec#inert()} ones; the
     * kinds are {@link EventKinds}' entries.
     */
    @Override
    public List<ScenarioEvent> events() {
        EventContext context = new EventContext() {
            @Override
            public Recommender recommender(RecommenderSpec spec, GroundTruth truth) {
                return createRecommender(spec, truth);
            }

            @Override
            public UserChoiceModel userModel(NamedComponentSpec spec) {
                return ScenarioWiring.this.userModel(spec);
            }

            @Override
            public SyntheticSpace.Population drawUsers(int count, SplitMix rng) {
                return ScenarioWiring.this.drawUsers(count, rng);
            }
        };
        List<ScenarioEvent> list = new ArrayList<>();
        for (EventSpec e : scenario.events()) {
            if (!e.inert()) {
                list.add(e.create(context));
            }
        }
        return list;
    }
}
