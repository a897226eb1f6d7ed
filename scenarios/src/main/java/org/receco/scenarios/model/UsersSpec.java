package org.receco.scenarios.model;

import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/** The user population: how many, which user model (by name), and that model's parameters. */
@NamedComponent(registry = "user model", nameKey = "model")
public record UsersSpec(
        @Doc("Number of users.") @Range(min = 1, max = 100000000) int count,
        @Doc("User model, by name.") String model,
        @Doc("Parameters of the user model (see receco schema).") Map<String, Object> params)
        implements NamedComponentSpec {
    public UsersSpec {
        params = params == null ? Map.of() : params;
    }

    @Override
    public String registry() {
        return "user model";
    }

    @Override
    public String componentName() {
        return model;
    }
}
