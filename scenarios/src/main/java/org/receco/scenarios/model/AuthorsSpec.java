package org.receco.scenarios.model;

import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** The authors: how many, which author model (by name), and its parameters. */
@NamedComponent(registry = "author model", nameKey = "model")
public record AuthorsSpec(
        @Doc("Number of authors.") @Range(min = 0, max = 10000000) int count,
        @Doc("Author model, by name.") String model,
        @Doc("Parameters of the author model (see receco schema).") Map<String, Object> params)
        implements NamedComponentSpec {
    public AuthorsSpec {
        params = params == null ? Map.of() : params;
    }

    @Override
    public String registry() {
        return "author model";
    }

    @Override
    public String componentName() {
        return model;
    }
}
