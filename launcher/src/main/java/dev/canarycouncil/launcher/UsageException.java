package dev.canarycouncil.launcher;

/** The user asked for something that cannot work; the message says what to change. Exit code 3. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
