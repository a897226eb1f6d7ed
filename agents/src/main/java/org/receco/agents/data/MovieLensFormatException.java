package org.receco.agents.data;

import java.nio.file.Path;

/** A MovieLens-layout file that cannot be read: which file, which line (1-based; 0 = the file as a whole), why. */
public final class MovieLensFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public MovieLensFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
