package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receco.agents.llm.FaultInjectingLlmServer;
import org.receco.agents.llm.LlmBench;
import org.receco.agents.llm.LocalLlmServer;
import org.receco.agents.llm.TinyModelWriter;

/**
 * {@code receco llm tiny-model FILE [--seed N]}, {@code receco llm serve --model FILE | --faults SPEC [--port N]}
 * and {@code receco llm bench [--calls N] [--concurrency C] [--endpoint URL] [--faults SPEC]}: the local side of
 * LLM-profiled agents. One command with an action word, since the command layer has no nested commands; the
 * actions are found by name in {@link #ACTIONS}.
 */
final class LlmCommand implements CliCommand {
    static final PositionalSpec<String> ACTION = PositionalSpec.required("ACTION", ValueType.STRING,
            "tiny-model (write a tiny random model to FILE), serve (serve --model, or a fault-injecting test "
                    + "model with --faults, on --port) or bench (measure the LLM client).");
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "For tiny-model: the GGUF file to write.");
    static final OptionSpec<Path> MODEL = OptionSpec.single("--model", "FILE", ValueType.PATH,
            "For serve: the GGUF model to serve.");
    static final OptionSpec<String> FAULTS = OptionSpec.single("--faults", "SPEC", ValueType.STRING,
            "For serve (instead of --model) and bench: a test model that answers schema-valid JSON and injects "
                    + "faults at seeded rates, e.g. timeout=0.02,429=0.05,500=0.05,truncated=0.02,seed=7. Faults: "
                    + "timeout, 429, 429-date, 500, 502, 503, truncated, not-json, wrong-schema, reset (all=R sets "
                    + "each); settings: seed, retry-after (s), timeout-ms, latency-ms (every answer's delay).");
    static final OptionSpec<Integer> PORT = OptionSpec.single("--port", "N", ValueType.INT,
            "For serve: the port on 127.0.0.1 (0: any free port).").withDefault("8089");
    static final OptionSpec<Long> SEED = OptionSpec.single("--seed", "N", ValueType.LONG,
            "For tiny-model: the seed of the random weights.").withDefault("1");
    static final OptionSpec<Integer> CALLS = OptionSpec.single("--calls", "N", ValueType.INT,
            "For bench: calls to make and replay.").withDefault("1000");
    static final OptionSpec<Integer> CONCURRENCY = OptionSpec.single("--concurrency", "C", ValueType.INT,
            "For bench: HTTP requests in flight at most.").withDefault("64");
    static final OptionSpec<String> ENDPOINT = OptionSpec.single("--endpoint", "URL", ValueType.STRING,
            "For bench: an OpenAI-compatible base URL (e.g. http://127.0.0.1:8089/v1) to measure instead of the "
                    + "test model in this JVM.");

    /** The test model's faults when bench is given none: no faults, 50 ms a call, standing in for a model. */
    static final String BENCH_FAULTS = "latency-ms=50";

    /** One action: what {@code receco llm ACTION} does. */
    private interface Action {
        int run(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception;
    }

    private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("tiny-model", LlmCommand::tinyModel);
        ACTIONS.put("serve", LlmCommand::serve);
        ACTIONS.put("bench", LlmCommand::bench);
    }

    private static final CommandSpec SPEC = new CommandSpec("llm", List.of(
            "Write a tiny test model, serve a GGUF model or a fault-injecting test model as an OpenAI-compatible "
                    + "endpoint on 127.0.0.1, or benchmark the LLM client.",
            "'llm tiny-model FILE' writes a random-weight llama model of a few hundred KB whose answers mean "
                    + "nothing: it exercises the protocol (schemas, retries, records) without downloadable weights. "
                    + "'llm serve --model FILE [--port N]' serves any GGUF model through llama.cpp in the JVM at "
                    + "http://127.0.0.1:N/v1 (/chat/completions, /models), honouring a request's JSON schema by "
                    + "grammar-constrained sampling, until Ctrl-C. 'llm serve --faults SPEC [--port N]' serves a "
                    + "test model instead that answers schema-valid JSON but injects faults at seeded rates, to see "
                    + "a run survive them. 'llm bench [--calls N] [--concurrency C] [--endpoint URL]' measures the "
                    + "client: its overhead per call, the requests it keeps in flight, and replay from recorded "
                    + "calls (against a test model in this JVM answering in 50 ms unless --faults or --endpoint "
                    + "says otherwise)."),
            List.of(ACTION, FILE), List.of(MODEL, FAULTS, PORT, SEED, CALLS, CONCURRENCY, ENDPOINT));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String action = args.value(ACTION);
        Action a = ACTIONS.get(action);
        if (a == null) {
            List<String> names = List.copyOf(ACTIONS.keySet());
            return usage(err, "receco llm: unknown action '" + action + "'" + Suggestions.didYouMean(action, names)
                    + "; allowed: " + String.join(", ", names));
        }
        return a.run(args, out, err);
    }

    private static int tinyModel(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        Path file = args.value(FILE);
        if (file == null) {
            return usage(err, "llm tiny-model needs the FILE to write");
        }
        long size = TinyModelWriter.write(file, args.value(SEED));
        out.println("wrote " + file + " (" + size / 1024 + " KB, random weights: protocol tests only)");
        return RecEcoCli.OK;
    }

    private static int serve(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        Path model = args.value(MODEL);
        String faults = args.value(FAULTS);
        if (model == null && faults == null) {
            return usage(err, "llm serve needs --model FILE (or --faults SPEC for a fault-injecting test model)");
        }
        if (model != null && faults != null) {
            return usage(err, "llm serve: --model and --faults exclude each other (--faults serves a test model)");
        }
        int port = args.value(PORT);
        if (port < 0 || port > 65535) {
            return usage(err, "llm serve: --port " + port + " is not a port (0-65535)");
        }
        if (faults != null) {
            FaultInjectingLlmServer.Faults f;
            try {
                f = FaultInjectingLlmServer.Faults.parse(faults);
            } catch (IllegalArgumentException e) {
                return usage(err, "llm serve --faults: " + e.getMessage());
            }
            FaultInjectingLlmServer.serveUntilStopped(f, port, out);
            return RecEcoCli.OK;
        }
        if (!Files.isRegularFile(model)) {
            return usage(err, "llm serve: model file not found: " + model);
        }
        LocalLlmServer.serveUntilStopped(model, port, out, System.err);
        // llama.cpp's threads would keep the JVM alive after the model is closed.
        System.exit(RecEcoCli.OK);
        return RecEcoCli.OK;
    }

    private static int bench(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        int calls = args.value(CALLS);
        int concurrency = args.value(CONCURRENCY);
        if (calls <= 0) {
            return usage(err, "llm bench: --calls " + calls + " must be positive");
        }
        if (concurrency <= 0) {
            return usage(err, "llm bench: --concurrency " + concurrency + " must be positive");
        }
        String endpointText = args.value(ENDPOINT);
        URI endpoint = null;
        if (endpointText != null) {
            try {
                endpoint = URI.create(endpointText);
            } catch (IllegalArgumentException e) {
                endpoint = null;
            }
            if (endpoint == null || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))
                    || endpoint.getHost() == null) {
                return usage(err, "llm bench: --endpoint '" + endpointText + "' is not an http(s) URL, e.g. "
                        + "http://127.0.0.1:8089/v1");
            }
        }
        String spec = args.value(FAULTS);
        FaultInjectingLlmServer.Faults faults;
        try {
            faults = FaultInjectingLlmServer.Faults.parse(spec != null ? spec : BENCH_FAULTS);
        } catch (IllegalArgumentException e) {
            return usage(err, "llm bench --faults: " + e.getMessage());
        }
        if (endpoint != null && spec != null) {
            return usage(err, "llm bench: --faults sets the test model, which --endpoint replaces; give one");
        }
        try {
            LlmBench.run(endpoint, LlmBench.DEFAULT_MODEL, calls, concurrency, faults, out);
        } catch (java.io.IOException e) {
            err.println(e.getMessage());
            return RecEcoCli.FAILURE;
        }
        return RecEcoCli.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println(message);
        err.print(Usage.of(CliApp.PROGRAM, SPEC));
        return RecEcoCli.INVALID_INPUT;
    }
}
