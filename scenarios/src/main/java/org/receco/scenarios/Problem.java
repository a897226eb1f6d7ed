package org.receco.scenarios;

/**
 * One thing wrong with a scenario, printed as
 * {@code FILE:LINE:COLUMN: key path 'slate.coldStart': <what is wrong>; allowed: <...>}.
 *
 * @param origin  where the offending key or value was written
 * @param path    dotted key path ({@code events.0.round}); empty for the document as a whole
 * @param message what is wrong
 * @param allowed what would be accepted, or {@code null} when there is nothing useful to list
 */
public record Problem(Origin origin, String path, String message, String allowed) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(origin).append(": ");
        if (!path.isEmpty()) {
            sb.append("key path '").append(path).append("': ");
        }
        sb.append(message);
        if (allowed != null) {
            sb.append("; allowed: ").append(allowed);
        }
        return sb.toString();
    }
}
