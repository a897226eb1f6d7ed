package org.receco.agents.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.receco.agents.llm.ChatMessage;
import org.receco.agents.llm.LlmClient;
import org.receco.agents.llm.LlmRequest;
import org.receco.agents.llm.LlmResult;
import org.receco.core.rng.SplitMix;

/**
 * The Agent4SR-style attacker's reviews from the configured LLM endpoint (Gu et al. 2025, Agent4SR): one chat
 * request per rated item, sent per account as one batch through {@link LlmClient}, the persona (the anchor
 * target's topic) in the system message, the item's public metadata and stars in the user message, and for an
 * unrelated item the instruction to work the target's features into the review. The answer must satisfy
 * {@code {"review": string}}; when no valid answer comes, the client's fallback is the template text, and the
 * call record says FALLBACK. Named {@code llm:<model>} in the store.
 */
public final class LlmReviewWriter implements ReviewWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = schema();

    private final LlmClient client;
    private final TemplateReviewWriter fallback = new TemplateReviewWriter();

    public LlmReviewWriter(LlmClient client) {
        this.client = client;
    }

    private static JsonNode schema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        ObjectNode review = s.putObject("properties").putObject("review");
        review.put("type", "string");
        review.put("maxLength", 400);
        s.putArray("required").add("review");
        s.put("additionalProperties", false);
        return s;
    }

    @Override
    public String name() {
        return "llm:" + client.config().model();
    }

    @Override
    public String review(AttackerKnowledge k, int item, int stars, int carry, SplitMix rng) {
        return reviews(k, 0, new int[] {item}, new int[] {stars}, new int[] {carry}, 1, rng)[0];
    }

    @Override
    public String[] reviews(AttackerKnowledge k, int account, int[] items, int[] stars, int[] carry, int n,
                            SplitMix rng) {
        List<LlmRequest> requests = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            requests.add(request(k, account, items[e], stars[e], carry[e],
                    fallback.review(k, items[e], stars[e], carry[e], rng)));
        }
        List<LlmResult> results = client.batch(requests);
        String[] out = new String[n];
        for (int e = 0; e < n; e++) {
            JsonNode text = results.get(e).decision().get("review");
            out[e] = text == null ? "" : text.asText();
        }
        return out;
    }

    /** The chat for one review; public metadata only. */
    LlmRequest request(AttackerKnowledge k, int account, int item, int stars, int carry, String fallbackText) {
        int anchor = k.targetCount() == 0 ? item : k.target(account % k.targetCount());
        String persona = "You are a user of a recommendation platform and a keen fan of topic "
                + k.catalog().topic(anchor) + ". Write short, natural reviews (at most 40 words) in the first person.";
        StringBuilder ask = new StringBuilder("Review item ").append(item).append(" (topic ")
                .append(k.catalog().topic(item)).append(", by author ").append(k.catalog().author(item))
                .append("), which you rated ").append(stars).append(" of 5.");
        if (carry >= 0) {
            ask.append(" In passing, praise item ").append(carry).append(" (topic ").append(k.catalog().topic(carry))
                    .append(", by author ").append(k.catalog().author(carry)).append(") and what makes it good.");
        }
        ask.append(" Answer as JSON: {\"review\": \"...\"}.");
        ObjectNode fb = JSON.createObjectNode();
        fb.put("review", fallbackText);
        return new LlmRequest(0, account, "shill-review", List.of(ChatMessage.system(persona),
                ChatMessage.user(ask.toString())), SCHEMA, fb);
    }
}
