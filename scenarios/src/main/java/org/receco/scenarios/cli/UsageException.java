package org.receco.scenarios.cli;

/**
 * The command line does not match the command's declaration (an unknown option, a missing or malformed value, a
 * missing or extra parameter). Its message is one line naming the option or value; the command line prints it
 * with the command's usage and exits {@value RecEcoCli#INVALID_INPUT}.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false); // a user's typing mistake: no stack trace to fill in
    }
}
