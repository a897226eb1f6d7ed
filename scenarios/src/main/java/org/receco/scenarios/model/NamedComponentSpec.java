package org.receco.scenarios.model;

import java.util.Map;

/**
 * A scenario section that names an implementation in a registry and passes it free-form {@code params}; the
 * validator checks the name against the registry and the params against that implementation's parameter
 * record, and reports errors at the params' own lines.
 */
public interface NamedComponentSpec {
    /** Which registry the name is looked up in ("recommender", "user model", "author model"). */
    String registry();

    String componentName();

    Map<String, Object> params();

    /** A whole-number parameter ({@code clicksPerRound}, {@code factors}) as written, or 0 without one. */
    default long wholeParam(String key) {
        Map<String, Object> params = params();
        return params != null && params.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
