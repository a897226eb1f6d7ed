package org.receco.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.receco.agents.llm.LocalLlmServer;
import org.receco.agents.llm.TinyModelWriter;

/**
 * {@code receco llm tiny-model FILE [--seed N]} and {@code receco llm serve --model FILE [--port N]}: the local
 * side of LLM-profiled agents. One command with an action word, since the command layer has no nested commands.
 */
final class LlmCommand implements CliCommand {
    static final PositionalSpec<String> ACTION = PositionalSpec.required("ACTION", ValueType.STRING,
            "tiny-model (write a tiny random model to FILE) or serve (serve --model on --port).");
    static final PositionalSpec<Path> FILE = PositionalSpec.optional("FILE", ValueType.PATH,
            "For tiny-model: the GGUF file to write.");
    static final OptionSpec<Path> MODEL = OptionSpec.single("--model", "FILE", ValueType.PATH,
            "For serve: the GGUF model to serve.");
    static final OptionSpec<Integer> PORT = OptionSpec.single("--port", "N", ValueType.INT,
            "For serve: the port on 127.0.0.1 (0: any free port).").withDefault("8089");
    static final OptionSpec<Long> SEED = OptionSpec.single("--seed", "N", ValueType.LONG,
            "For tiny-model: the seed of the random weights.").withDefault("1");

    private static final List<String> ACTIONS = List.of("tiny-model", "serve");

    private static final CommandSpec SPEC = new CommandSpec("llm", List.of(
            "Write a tiny test model, or serve a GGUF model as an OpenAI-compatible endpoint on 127.0.0.1.",
            "'llm tiny-model FILE' writes a random-weight llama model of a few hundred KB whose answers mean "
                    + "nothing: it exercises the protocol (schemas, retries, records) without downloadable weights. "
                    + "'llm serve --model FILE [--port N]' serves any GGUF model through llama.cpp in the JVM at "
                    + "http://127.0.0.1:N/v1 (/chat/completions, /models), honouring a request's JSON schema by "
                    + "grammar-constrained sampling, until Ctrl-C."),
            List.of(ACTION, FILE), List.of(MODEL, PORT, SEED));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int call(ParsedArgs args, PrintWriter out, PrintWriter err) throws Exception {
        String action = args.value(ACTION);
        switch (action) {
            case "tiny-model" -> {
                Path file = args.value(FILE);
                if (file == null) {
                    return usage(err, "llm tiny-model needs the FILE to write");
                }
                long size = TinyModelWriter.write(file, args.value(SEED));
                out.println("wrote " + file + " (" + size / 1024 + " KB, random weights: protocol tests only)");
                return RecEcoCli.OK;
            }
            case "serve" -> {
                Path model = args.value(MODEL);
                if (model == null) {
                    return usage(err, "llm serve needs --model FILE");
                }
                if (!Files.isRegularFile(model)) {
                    return usage(err, "llm serve: model file not found: " + model);
                }
                int port = args.value(PORT);
                if (port < 0 || port > 65535) {
                    return usage(err, "llm serve: --port " + port + " is not a port (0-65535)");
                }
                LocalLlmServer.serveUntilStopped(model, port, out, System.err);
                // llama.cpp's threads would keep the JVM alive after the model is closed.
                System.exit(RecEcoCli.OK);
                return RecEcoCli.OK;
            }
            default -> {
                return usage(err, "receco llm: unknown action '" + action + "'" + Suggestions.didYouMean(action,
                        ACTIONS) + "; allowed: " + String.join(", ", ACTIONS));
            }
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println(message);
        err.print(Usage.of(CliApp.PROGRAM, SPEC));
        return RecEcoCli.INVALID_INPUT;
    }
}
