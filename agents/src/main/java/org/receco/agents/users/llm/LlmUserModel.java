package org.receco.agents.users.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.receco.agents.llm.CallRecordSink;
import org.receco.agents.llm.CallRecordSource;
import org.receco.agents.llm.ChatMessage;
import org.receco.agents.llm.JsonlCallCache;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmConfig;
import org.receco.agents.llm.LlmRequest;
import org.receco.agents.llm.LlmResult;
import org.receco.agents.llm.memory.AgentMemories;
import org.receco.agents.llm.memory.AgentMemory;
import org.receco.agents.llm.memory.Embedder;
import org.receco.agents.llm.memory.EndpointEmbedder;
import org.receco.agents.llm.memory.MiniLmEmbedder;
import org.receco.agents.users.SimulineUserModel;
import org.receco.agents.users.SimulineUserParams;
import org.receco.agents.users.WeightedDraw;
import org.receco.core.rng.RandomStreams;
import org.receco.core.rng.SplitMix;
import org.receco.core.round.RoundState;
import org.receco.core.round.WorkerScratch;
import org.receco.core.spi.ComponentFactory;
import org.receco.core.spi.DeclaresTables;
import org.receco.core.spi.MetricRecorder;
import org.receco.core.spi.ReportsMetrics;
import org.receco.core.spi.RoundView;
import org.receco.core.spi.RunTables;
import org.receco.core.spi.UserChoiceModel;
import org.receco.core.store.TableWriter;
import org.receco.core.util.Vec;
import org.receco.core.world.ItemCatalog;
import org.receco.core.world.ItemStore;
import org.receco.core.world.World;

/**
 * LLM-profiled users on Agent4Rec's page protocol (Zhang et al., "On Generative Agents in Recommendation",
 * SIGIR 2024): each user has a persona ({@link Persona}, generated from its latent twin by {@link Personas} unless
 * a persona file gives it) and an embedded memory ({@link AgentMemory}); each round it views its slate in pages of
 * {@code pageSize} items and, per page, asks the model, as JSON against a schema, which items fit its taste,
 * which it clicks, a 1–5 rating with a one-line reason per item, and whether to see the NEXT page or EXIT given
 * its satisfaction and fatigue ("a little tired" after 2 pages, "very tired" after 4, as Agent4Rec prompts).
 * Clicks carry their ratings (liked: 4 stars or more) and reasons (the click's review).
 *
 * <p>Every user has a latent twin, a SimuLine user ({@link SimulineUserModel}, its default parameters) drawn
 * from the same stream: its true utility is the twin's, its interests shift as the twin's would, and when the
 * model gives no valid answer the page's decision is the twin's softmax choice drawn from the user's seeded
 * stream, so a failed call is a recorded, reproducible decision rather than a hole.
 *
 * <p>Choosing is batched ({@link #choosesInBatch()}): page k of every user still browsing is asked together,
 * at most {@code concurrency} requests in flight, and the answers are applied in user order; page k + 1 is asked
 * only of users who chose NEXT. The prompts depend only on the world and earlier decisions, the client's
 * answers only on the requests, so results do not depend on the concurrency or the completion order. Every call
 * is written to the {@code llm_calls} table ({@link LlmCallsTable}) in the round's transaction, and the round's
 * ledger to {@code metrics} ({@code llm.*}).
 */
public final class LlmUserModel implements UserChoiceModel, DeclaresTables, ReportsMetrics, LlmSession.Attachable {
    public static final String NAME = "llm";
    public static final ComponentFactory<LlmUserParams, UserChoiceModel> FACTORY = ComponentFactory.of(NAME,
            "LLM-profiled users: Agent4Rec's page protocol against an OpenAI-compatible endpoint, personas from "
                    + "latent twins, recorded and replayable calls",
            LlmUserParams.class, LlmUserParams.defaults(), LlmUserModel::new);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A reason is one short line (and a random model's string must end before its token limit). */
    private static final int MAX_REASON = 40;
    private static final String NEXT = "NEXT";
    private static final String EXIT = "EXIT";
    private static final String SYSTEM = "You are a user of a news recommender. Stay in character.\n%s\n"
            + "Answer only with JSON.";

    private final LlmUserParams params;
    private final SimulineUserModel twin;
    /** The most memories kept per user; the oldest facts are forgotten first. */
    static final int MEMORY_CAPACITY = 64;
    /**
     * Each user's rated clicks as sentences embedded by the {@code embedder} (Agent4Rec's memory), retrieved for a
     * prompt as the most recent and the most similar to the page's items, with a reflection after every 3.
     */
    private AgentMemories memory;
    /** Each item's embedding by id, made once per run when the item is first on a page (null: not yet). */
    private float[][] itemVectors = new float[0][];
    private final Map<Integer, JsonNode[]> schemas = new HashMap<>();
    private World world;
    private PromptWords words;
    private LlmSession session;
    private LlmClient client;
    private TableWriter calls = TableWriter.discarding(LlmCallsTable.SPEC);
    private TableWriter personaRows = TableWriter.discarding(LlmPersonasTable.SPEC);
    private TableWriter embeddingRows = TableWriter.discarding(LlmEmbeddingsTable.SPEC);
    /** The endpoint embedder, labelled per call; null for {@code minilm} and {@code none}. */
    private RecordedEmbedder recordedEmbedder;
    /** Population index by user id (-1: another population's user). */
    private int[] local = new int[0];
    private final List<Integer> members = new ArrayList<>();
    private final List<Persona> personas = new ArrayList<>();
    private double[] activityDraw = new double[0];
    private String[] lastPrompt = new String[0];
    private String[] lastAnswer = new String[0];
    private Map<Integer, JsonNode> personaFile;
    private final SplitMix rng = new SplitMix(0);

    public LlmUserModel(LlmUserParams params) {
        this.params = params;
        this.twin = new SimulineUserModel(SimulineUserParams.defaults());
    }

    public LlmUserParams params() {
        return params;
    }

    @Override
    public void attach(LlmSession session) {
        this.session = session;
    }

    /** Replaces the topic and item words of the prompts (a world with item texts). */
    public void setWords(PromptWords words) {
        this.words = words;
    }

    @Override
    public void init(World w) {
        this.world = w;
        twin.init(w);
        if (words == null) {
            words = PromptWords.of(w);
        }
        if (session == null) {
            session = LlmSession.live("run");
        }
        if (!params.persona().isEmpty()) {
            personaFile = Personas.read(Path.of(params.persona()));
        }
        connect();
    }

    /** Creates the client (replaying, caching or live) and, for a live run, checks the server answers. */
    private void connect() {
        LlmConfig.SchemaFields fields = switch (params.schema()) {
            case response_format -> LlmConfig.SchemaFields.RESPONSE_FORMAT;
            case json_schema -> LlmConfig.SchemaFields.JSON_SCHEMA;
            case both -> LlmConfig.SchemaFields.BOTH;
        };
        LlmConfig cfg = LlmConfig.of(params.endpoint(), params.model())
                .withSampling(params.temperature(), params.maxTokens(), params.seed())
                .withConcurrency(params.concurrency())
                .withRetries(Duration.ofMillis(Math.max(1, Math.round(params.timeoutSeconds() * 1000))),
                        params.retries(), Duration.ofMillis(500), Duration.ofSeconds(60))
                .withBudget(params.budgetCalls(), params.budgetTokens())
                .withApiKeyEnv(params.apiKeyEnv().isEmpty() ? null : params.apiKeyEnv())
                .withSchemaFields(fields);
        CallRecordSource source = null;
        CallRecordSink sink = null;
        if (session.replaying()) {
            cfg = cfg.withCache(session.replayFrom(), LlmConfig.CacheMode.REPLAY);
            source = session.replay();
        } else if (!params.cache().isEmpty()) {
            try {
                JsonlCallCache cache = JsonlCallCache.open(Path.of(params.cache()), session.runName());
                session.closeAtEnd(cache);
                source = cache;
                sink = cache;
            } catch (IOException e) {
                throw new UncheckedIOException("llm cache " + params.cache() + ": " + e.getMessage(), e);
            }
            cfg = cfg.withCache(Path.of(params.cache()), LlmConfig.CacheMode.RECORD);
        }
        memory = new AgentMemories(embedder(cfg, source, sink), members.size(), MEMORY_CAPACITY);
        client = new LlmClient(cfg, source, sink, session.env());
        session.register(client);
        if (!session.replaying()) {
            probe(cfg);
        }
    }

    /**
     * What embeds: an endpoint embedder answers from the same recorded calls as the client and records its own
     * calls where the client does (the {@code llm.cache} file) and in {@code llm_embeddings}.
     */
    private Embedder embedder(LlmConfig cfg, CallRecordSource source, CallRecordSink sink) {
        return switch (params.embedder()) {
            case minilm -> new MiniLmEmbedder();
            case endpoint -> recordedEmbedder = new RecordedEmbedder(new EndpointEmbedder(cfg,
                    params.embeddingModel().isEmpty() ? params.model() : params.embeddingModel(), session.env(),
                    source, sink), () -> embeddingRows);
            case none -> Embedder.none();
        };
    }

    /** Labels the embedding calls that follow, when they go to an endpoint. */
    private void embeddingStep(int round, int[] users, int page, String what) {
        if (recordedEmbedder != null) {
            recordedEmbedder.at(round, users[0], "page-" + (page + 1) + "-" + what);
        }
    }

    /**
     * {@code GET endpoint/models} once before round 0, so a missing server is one clear error rather than every
     * call of the first round timing out into fallbacks.
     */
    private void probe(LlmConfig cfg) {
        String url = params.endpoint().replaceAll("/+$", "") + "/models";
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).GET()
                .timeout(Duration.ofMillis(Math.min(10_000, cfg.timeout().toMillis())));
        String key = params.apiKeyEnv().isEmpty() ? null : session.env().apply(params.apiKeyEnv());
        if (key != null && !key.isBlank()) {
            rb.header("Authorization", "Bearer " + key.strip());
        }
        String hint = "; start a local one with: ./receco llm tiny-model runs/tiny.gguf && ./receco llm serve "
                + "--model runs/tiny.gguf --port 8089, or set the population's params.endpoint";
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(rb.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                throw new IllegalStateException("llm users: the server at " + params.endpoint() + " refused the "
                        + "API key" + (params.apiKeyEnv().isEmpty() ? " (none given: set params.apiKeyEnv)"
                        : " from $" + params.apiKeyEnv()) + " (HTTP " + r.statusCode() + ")");
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("llm users: GET " + url + " answered HTTP " + r.statusCode()
                        + "; is it an OpenAI-compatible endpoint?");
            }
        } catch (IOException e) {
            throw new IllegalStateException("llm users: no LLM server answers at " + params.endpoint() + " (GET "
                    + url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " "
                    + e.getMessage()) + ")" + hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("llm users: interrupted while probing " + url, e);
        }
    }

    @Override
    public void declareTables(RunTables tables) {
        calls = tables.table(LlmCallsTable.SPEC);
        personaRows = tables.table(LlmPersonasTable.SPEC);
        if (params.embedder() == LlmUserParams.Embedding.endpoint) {
            embeddingRows = tables.table(LlmEmbeddingsTable.SPEC);
        }
    }

    @Override
    public void onUsersAdded(int from, int to, SplitMix r) {
        twin.onUsersAdded(from, to, r);
        if (to > local.length) {
            int old = local.length;
            local = Arrays.copyOf(local, Math.max(to, old * 3 / 2));
            Arrays.fill(local, old, local.length, -1);
        }
        int first = members.size();
        int n = to - from;
        activityDraw = Arrays.copyOf(activityDraw, first + n);
        float[] threshold = new float[n];
        float[] quality = new float[n];
        for (int u = from; u < to; u++) {
            local[u] = members.size();
            members.add(u);
            activityDraw[first + u - from] = r.nextDouble();
            threshold[u - from] = twin.threshold(u);
            quality[u - from] = twin.qualityWeight(u);
        }
        Persona[] made = Personas.generate(new Personas.Cohort(world.users().prefs(), from * world.dims(), n,
                threshold, quality, Arrays.copyOfRange(activityDraw, first, first + n)), world.space(), words);
        for (int k = 0; k < n; k++) {
            personas.add(Personas.override(made[k], personaFile == null ? null : personaFile.get(first + k)));
            LlmPersonasTable.append(personaRows, world.users().joinedRound(from + k), from + k,
                    personas.get(first + k));
        }
        memory.grow(members.size());
        lastPrompt = Arrays.copyOf(lastPrompt, members.size());
        lastAnswer = Arrays.copyOf(lastAnswer, members.size());
    }

    @Override
    public boolean rates() {
        return true;
    }

    @Override
    public boolean writesReviews() {
        return true;
    }

    @Override
    public int maxClicks() {
        return params.pageSize() * params.maxPages();
    }

    @Override
    public float utility(int u, int item) {
        return twin.utility(u, item);
    }

    @Override
    public void utilityOfLive(int fromUser, int toUser, ItemCatalog live, float[] out, int outOff, int stride,
                              WorkerScratch scratch) {
        twin.utilityOfLive(fromUser, toUser, live, out, outOff, stride, scratch);
    }

    @Override
    public void choose(int u, RoundState state, SplitMix r, WorkerScratch scratch) {
        throw new UnsupportedOperationException("llm users choose in batch");
    }

    @Override
    public boolean choosesInBatch() {
        return true;
    }

    @Override
    public void chooseBatch(int[] users, int count, RoundState state, long streamSeed) {
        int round = state.round();
        int n = params.pageSize();
        boolean[][] twinPicks = new boolean[count][];
        int[] active = new int[count];
        int activeCount = 0;
        for (int b = 0; b < count; b++) {
            int u = users[b];
            rng.reseed(RandomStreams.seed(streamSeed, round, u));
            twinPicks[b] = twinChoice(u, state);
            if (state.slateLength(u) > 0) {
                active[activeCount++] = b;
            }
        }
        for (int page = 0; page < params.maxPages() && activeCount > 0; page++) {
            embeddingStep(round, users, page, "items");
            embedPageItems(users, active, activeCount, page, state);
            List<LlmRequest> requests = new ArrayList<>(activeCount);
            for (int a = 0; a < activeCount; a++) {
                int b = active[a];
                requests.add(request(users[b], page, state, twinPicks[b]));
            }
            List<LlmResult> results = client.batch(requests);
            int still = 0;
            for (int a = 0; a < activeCount; a++) {
                int b = active[a];
                int u = users[b];
                LlmResult res = results.get(a);
                LlmCallsTable.append(calls, round, u, res.record());
                session.ledger().add(round, res.record());
                lastPrompt[local[u]] = requests.get(a).messages().get(1).content();
                lastAnswer[local[u]] = res.record().decisionJson();
                boolean next = apply(u, page, state, res.decision(), round);
                if (next && (page + 1) * n < state.slateLength(u)) {
                    active[still++] = b;
                }
            }
            activeCount = still;
            remember(users, count, round, page);
        }
    }

    /** Embeds, in one call, the items on page {@code page} of the active users not embedded before this run. */
    private void embedPageItems(int[] users, int[] active, int activeCount, int page, RoundState state) {
        List<String> texts = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        int from = page * params.pageSize();
        for (int a = 0; a < activeCount; a++) {
            int u = users[active[a]];
            for (int p = from; p < Math.min(from + params.pageSize(), state.slateLength(u)); p++) {
                int item = state.slateItem(u, p);
                if (item >= itemVectors.length) {
                    itemVectors = Arrays.copyOf(itemVectors, Math.max(item + 1, itemVectors.length * 3 / 2));
                }
                if (itemVectors[item] == null && !items.contains(item)) {
                    items.add(item);
                    texts.add(words.title(item) + ": " + words.summary(item));
                }
            }
        }
        float[][] v = memory.embedder().embed(texts);
        for (int j = 0; j < v.length; j++) {
            itemVectors[items.get(j)] = v[j];
        }
    }

    /**
     * Embeds the page's new memories (one call for the batch, in user order), then has every user with 3 or more
     * since its last reflection reflect, and embeds those.
     */
    private void remember(int[] users, int count, int round, int page) {
        embeddingStep(round, users, page, "memories");
        memory.flush();
        for (int b = 0; b < count; b++) {
            int k = local[users[b]];
            if (memory.of(k).needsReflection()) {
                memory.add(k, round, AgentMemory.Kind.REFLECTION, reflect(k));
            }
        }
        embeddingStep(round, users, page, "reflections");
        memory.flush();
    }

    /**
     * The twin's clicks on {@code u}'s slate: SimuLine's {@code clicksPerRound} softmax(concentration · cosine)
     * draws without replacement, from {@link #rng} (seeded for the round and user), as slate positions.
     */
    private boolean[] twinChoice(int u, RoundState state) {
        int len = state.slateLength(u);
        boolean[] picked = new boolean[len];
        int clicks = Math.min(SimulineUserParams.defaults().clicksPerRound(), len);
        if (clicks == 0) {
            return picked;
        }
        ItemStore items = world.items();
        int d = world.dims();
        float[] prefs = world.users().prefs();
        float conc = twin.concentration(u);
        double[] weight = new double[len];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < len; p++) {
            double c = Vec.cosine(prefs, u * d, items.vectors(), state.slateItem(u, p) * d, d);
            weight[p] = conc * c;
            max = Math.max(max, weight[p]);
        }
        double total = 0;
        for (int p = 0; p < len; p++) {
            weight[p] = Math.exp(weight[p] - max);
            total += weight[p];
        }
        int[] picks = new int[clicks];
        int drawn = WeightedDraw.withoutReplacement(weight, len, total, clicks, rng, picks);
        for (int c = 0; c < drawn; c++) {
            picked[picks[c]] = true;
        }
        return picked;
    }

    private LlmRequest request(int u, int page, RoundState state, boolean[] twinPicks) {
        int k = local[u];
        int n = params.pageSize();
        int from = page * n;
        int size = Math.min(n, state.slateLength(u) - from);
        int[] pageItems = new int[size];
        for (int j = 0; j < size; j++) {
            pageItems[j] = state.slateItem(u, from + j);
        }
        StringBuilder b = new StringBuilder();
        b.append("Round ").append(state.round()).append(". You are on page ").append(page + 1)
                .append(" of your recommendations (you can see at most ").append(params.maxPages())
                .append(" pages).");
        // Agent4Rec's fatigue: more than 2 pages seen, a little tired; more than 4, very tired.
        if (page >= 4) {
            b.append(" You are very tired.");
        } else if (page >= 2) {
            b.append(" You are a little tired.");
        }
        b.append('\n');
        AgentMemory mine = memory.of(k);
        List<AgentMemory.Entry> reflection = mine.recent(1, AgentMemory.Kind.REFLECTION);
        if (!reflection.isEmpty()) {
            b.append("Your reflection: ").append(reflection.get(0).text()).append('\n');
        }
        int recentN = (params.memories() + 1) / 2;
        List<AgentMemory.Entry> recent = mine.recent(recentN, AgentMemory.Kind.FACT);
        float[][] query = new float[size][];
        for (int j = 0; j < size; j++) {
            query[j] = itemVectors[pageItems[j]];
        }
        List<AgentMemory.Entry> relevant = mine.relevant(query, size, params.memories() - recent.size(),
                AgentMemory.Kind.FACT, recent.size());
        if (!recent.isEmpty() || !relevant.isEmpty()) {
            b.append("What you remember:\n");
            for (AgentMemory.Entry m : relevant) {
                b.append("- round ").append(m.round()).append(": ").append(m.text()).append('\n');
            }
            for (AgentMemory.Entry m : recent) {
                b.append("- round ").append(m.round()).append(": ").append(m.text()).append('\n');
            }
        }
        b.append("Items on this page:\n");
        for (int j = 0; j < size; j++) {
            b.append(j + 1).append(". \"").append(words.title(pageItems[j])).append("\": ")
                    .append(words.summary(pageItems[j])).append('\n');
        }
        b.append("For each item in order: does it fit your taste, do you click it, your rating 1-5 and a short "
                + "reason. Then NEXT for the next page or EXIT to leave, as satisfied and as tired as you are.");
        List<ChatMessage> messages = List.of(ChatMessage.system(String.format(SYSTEM, personas.get(k).describe())),
                ChatMessage.user(b.toString()));
        long seed = RandomStreams.seed(params.seed(), state.round(), (long) u * 1024 + page) & 0x7fffffffL;
        return new LlmRequest(state.round(), u, "page-" + (page + 1), messages, schema(size),
                fallback(u, page, size, state, twinPicks), seed);
    }

    /** The decision schema of a page of {@code size} items (cached by size). */
    JsonNode schema(int size) {
        return schemas.computeIfAbsent(size, s -> new JsonNode[] {pageSchema(s)})[0];
    }

    static JsonNode pageSchema(int size) {
        ObjectNode item = JSON.createObjectNode().put("type", "object");
        ObjectNode ip = item.putObject("properties");
        ip.putObject("fits").put("type", "boolean");
        ip.putObject("click").put("type", "boolean");
        ip.putObject("rating").put("type", "integer").put("minimum", 1).put("maximum", 5);
        // Plain printable text: a grammar-constrained model then cannot emit broken UTF-8, whose replacement
        // characters would make the checked length differ from the length the grammar counted.
        ip.putObject("reason").put("type", "string").put("maxLength", MAX_REASON)
                .put("pattern", "^[A-Za-z0-9 ,.;:!?'()-]{1," + MAX_REASON + "}$");
        item.putArray("required").add("fits").add("click").add("rating").add("reason");
        ObjectNode s = JSON.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("items").put("type", "array").put("minItems", size).put("maxItems", size).set("items", item);
        p.putObject("next").putArray("enum").add(NEXT).add(EXIT);
        s.putArray("required").add("items").add("next");
        return s;
    }

    /**
     * The decision taken when the model gives none: the twin's picks on this page (liked ones rated 4, the others
     * 2), NEXT while the twin picked something on a later page; or, with {@code fallback: exit}, nothing.
     */
    private JsonNode fallback(int u, int page, int size, RoundState state, boolean[] twinPicks) {
        ObjectNode d = JSON.createObjectNode();
        ArrayNode items = d.putArray("items");
        boolean latent = params.fallback() == LlmUserParams.Fallback.latent;
        int from = page * params.pageSize();
        for (int j = 0; j < size; j++) {
            boolean pick = latent && twinPicks[from + j];
            int rating = pick && twin.utility(u, state.slateItem(u, from + j)) > twin.threshold(u) ? 4 : 2;
            items.addObject().put("fits", pick).put("click", pick).put("rating", rating)
                    .put("reason", pick ? "the latent twin's choice" : "not chosen");
        }
        boolean later = false;
        for (int p = from + size; latent && p < twinPicks.length && page + 1 < params.maxPages(); p++) {
            later |= twinPicks[p];
        }
        d.put("next", later ? NEXT : EXIT);
        return d;
    }

    /** Records the page's clicks, ratings and reasons and the memories they make; returns whether NEXT. */
    private boolean apply(int u, int page, RoundState state, JsonNode decision, int round) {
        int k = local[u];
        JsonNode items = decision.path("items");
        int from = page * params.pageSize();
        int size = Math.min(params.pageSize(), state.slateLength(u) - from);
        for (int j = 0; j < size && j < items.size(); j++) {
            JsonNode it = items.get(j);
            if (!it.path("click").asBoolean(false)) {
                continue;
            }
            int pos = from + j;
            int item = state.slateItem(u, pos);
            int rating = Math.max(1, Math.min(5, it.path("rating").asInt(3)));
            String reason = it.path("reason").asText("").strip();
            if (reason.length() > MAX_REASON) {
                reason = reason.substring(0, MAX_REASON);
            }
            // MovieLens convention (and Agent4Rec's like): 4 stars or more is a like.
            state.addClick(u, pos, rating >= 4, twin.utility(u, item), rating);
            state.setClickReview(u, state.clickCount(u) - 1, reason);
            memory.add(k, round, AgentMemory.Kind.FACT, item, rating, "you rated \"" + words.title(item) + "\" "
                    + rating + " stars (" + reason + ")");
        }
        return NEXT.equals(decision.path("next").asText());
    }

    /**
     * A reflection on the memories since the last one, in words: what pleased and what disappointed, and the main
     * topic. Not a model call, so it costs nothing and replays trivially.
     */
    private String reflect(int k) {
        List<AgentMemory.Entry> last = memory.of(k).sinceReflection();
        List<String> liked = new ArrayList<>();
        List<String> disliked = new ArrayList<>();
        Map<Integer, Integer> topics = new HashMap<>();
        int top = -1;
        for (AgentMemory.Entry m : last) {
            (m.rating() >= 4 ? liked : disliked).add("\"" + words.title(m.item()) + "\"");
            int t = world.items().topic(m.item());
            int c = topics.merge(t, 1, Integer::sum);
            if (top < 0 || c > topics.get(top) || c == topics.get(top) && t < top) {
                top = t;
            }
        }
        return (liked.isEmpty() ? "Nothing pleased you lately" : "You enjoyed " + String.join(", ", liked))
                + (disliked.isEmpty() ? "" : "; " + String.join(", ", disliked) + " disappointed you")
                + "; you have been reading mostly " + words.topicName(top) + ".";
    }

    @Override
    public void updateInterest(int u, RoundState state, WorkerScratch scratch) {
        twin.updateInterest(u, state, scratch);
    }

    @Override
    public void reportMetrics(RoundView view, MetricRecorder out) {
        // One ledger per run, however many LLM populations: the first population's client reports it.
        if (session.reportsLedger(client)) {
            session.ledger().record(view.round(), out);
        }
    }

    /** User {@code u}'s persona, or null when {@code u} is not one of this population's users. */
    public Persona persona(int u) {
        return u < local.length && local[u] >= 0 ? personas.get(local[u]) : null;
    }

    /** User {@code u}'s last page prompt and the decision it got ({@code [prompt, decision]}), or null. */
    public String[] lastExchange(int u) {
        if (u >= local.length || local[u] < 0 || lastPrompt[local[u]] == null) {
            return null;
        }
        return new String[] {lastPrompt[local[u]], lastAnswer[local[u]]};
    }

    /** What embeds this population's memories and page items (after {@link #init}). */
    public Embedder embedder() {
        return memory.embedder();
    }

    /** The client's live counts (tests, progress). */
    public LlmClient client() {
        return client;
    }

    @Override
    public String toString() {
        return NAME + " users (" + params.model() + " at " + params.endpoint() + ")";
    }
}
