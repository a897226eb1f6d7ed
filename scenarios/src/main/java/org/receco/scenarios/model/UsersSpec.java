package org.receco.scenarios.model;

import java.util.List;
import java.util.Map;
import org.receco.core.config.Doc;
import org.receco.core.config.Range;

/**
 * The users: either one population ({@code count}, {@code model}, {@code params}; it is called
 * {@value #SINGLE_POPULATION}) or several ({@code populations}, population 0 first), e.g. latent users beside
 * LLM-driven ones. With {@code populations} the single-population keys are left out of the file (the loader
 * rejects them), and the record holds them as null, null and {} so that the resolved YAML loads back.
 */
@NamedComponent(registry = "user model", nameKey = "model")
public record UsersSpec(
        @Doc("Number of users (single population).") @Range(min = 1, max = 100000000) Integer count,
        @Doc("User model, by name (single population).") String model,
        @Doc("Parameters of the user model (see receco schema).") Map<String, Object> params,
        @Doc("Several populations instead of count/model/params, in id order ([] = the single population).")
        List<PopulationSpec> populations)
        implements NamedComponentSpec {
    /** Name of the population the single-population form declares. */
    public static final String SINGLE_POPULATION = "users";

    public UsersSpec {
        params = params == null ? Map.of() : params;
        populations = populations == null ? List.of() : List.copyOf(populations);
        if (!populations.isEmpty()) {
            count = null;
            model = null;
            params = Map.of();
        } else if (count == null || model == null) {
            throw new IllegalArgumentException("users need count and model, or populations");
        }
    }

    /** The single-population form. */
    public UsersSpec(int count, String model, Map<String, Object> params) {
        this(count, model, params, List.of());
    }

    /** The populations present from round 0, by id. */
    public List<PopulationSpec> all() {
        return populations.isEmpty() ? List.of(new PopulationSpec(SINGLE_POPULATION, count, model, params))
                : populations;
    }

    /** Users present from round 0, over all populations. */
    public int totalCount() {
        return all().stream().mapToInt(PopulationSpec::count).sum();
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
