package org.receco.scenarios.model;

/**
 * Where a {@link CrossChecked} section reports what is wrong with it: the loader turns each report into a
 * problem at the file, line and column of the named value, so a section need not know where it was written.
 */
public interface Problems {
    /**
     * Reports a problem at a value of the section being checked.
     *
     * @param key     dotted path of the value inside the section ({@code topic}, {@code authorIds.2}); "" for the
     *                section itself
     * @param message what is wrong
     * @param allowed what would be accepted, or null
     */
    void report(String key, String message, String allowed);
}
