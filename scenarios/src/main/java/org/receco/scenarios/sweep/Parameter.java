package org.receco.scenarios.sweep;

import java.util.List;
import org.receco.scenarios.Origin;

/**
 * One swept scenario value, addressed by its dotted path as for {@code --set} ({@code recommender.name},
 * {@code users.count}, {@code events.0.round}). A {@link Grid} contributes its values to the cartesian
 * product of points; a {@link Sampled} one is drawn at random (from the sweep seed) once per sample.
 */
public sealed interface Parameter {
    String path();

    /** Where the parameter was written in the sweep file. */
    Origin origin();

    /** One value of a parameter as a {@code --set} value text, a short label, and where it was written. */
    record Value(String text, String label, Origin origin) {
    }

    /** Grid values: a list as written, or a range expanded to a list. */
    record Grid(String path, Origin origin, List<Value> values) implements Parameter {
        public Grid {
            values = List.copyOf(values);
        }
    }

    /** How a sampled parameter is drawn. */
    enum Distribution {
        /** Uniform on [min, max). */
        UNIFORM,
        /** Log-uniform on [min, max), min &gt; 0. */
        LOG_UNIFORM,
        /** A uniform integer in [min, max], both included. */
        INT_UNIFORM,
        /** One of the {@code choices}, equally likely. */
        CHOICE
    }

    /** A parameter drawn at random per sample. */
    record Sampled(String path, Origin origin, Distribution distribution, double min, double max,
                   List<Value> choices) implements Parameter {
        public Sampled {
            choices = List.copyOf(choices);
        }
    }
}
