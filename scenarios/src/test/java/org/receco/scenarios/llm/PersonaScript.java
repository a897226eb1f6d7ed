package org.receco.scenarios.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.receco.agents.llm.FaultInjectingLlmServer;

/**
 * The scripted "model" of the LLM users' end-to-end tests, for {@link FaultInjectingLlmServer}'s answer hook:
 * it answers a page prompt from the persona fields in it. A user of activity low leaves after page 1, medium after
 * page 2, high browses to page 5; it clicks the items whose number matches the round's parity and rates them by
 * its rating tendency (5 when it rates generously, else 3). The answer depends only on the request, so it is the
 * same whatever order requests arrive in. A request that is not a page prompt has no answer (the connection is
 * dropped).
 */
final class PersonaScript implements Function<JsonNode, JsonNode> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTIVITY = Pattern.compile("Activity: (low|medium|high)\\.");
    private static final Pattern PAGE = Pattern.compile("You are on page (\\d+)");
    private static final Pattern ROUND = Pattern.compile("^Round (\\d+)\\.");
    private static final Pattern ITEM = Pattern.compile("(?m)^(\\d+)\\. \"");

    /** A server on any free port with no faults that answers by this script. */
    static FaultInjectingLlmServer server() throws IOException {
        return FaultInjectingLlmServer.start(FaultInjectingLlmServer.Faults.none(), new PersonaScript(), 0);
    }

    /** The server's endpoint, {@code http://127.0.0.1:PORT/v1}. */
    static String endpoint(FaultInjectingLlmServer server) {
        return server.baseUri().toString();
    }

    @Override
    public JsonNode apply(JsonNode request) {
        String system = request.path("messages").path(0).path("content").asText();
        String user = request.path("messages").path(1).path("content").asText();
        Matcher a = ACTIVITY.matcher(system);
        Matcher p = PAGE.matcher(user);
        Matcher r = ROUND.matcher(user);
        if (!a.find() || !p.find() || !r.find()) {
            throw new IllegalArgumentException("not a page prompt");
        }
        int lastPage = switch (a.group(1)) {
            case "low" -> 1;
            case "medium" -> 2;
            default -> 5;
        };
        int page = Integer.parseInt(p.group(1));
        int round = Integer.parseInt(r.group(1));
        boolean generous = system.contains("You rate generously");
        ObjectNode decision = JSON.createObjectNode();
        ArrayNode items = decision.putArray("items");
        Matcher it = ITEM.matcher(user);
        while (it.find()) {
            int k = Integer.parseInt(it.group(1));
            boolean click = (k + round) % 2 == 0;
            items.addObject().put("fits", click).put("click", click).put("rating", generous ? 5 : 3)
                    .put("reason", "item " + k + " on page " + page);
        }
        decision.put("next", page < lastPage ? "NEXT" : "EXIT");
        return decision;
    }
}
