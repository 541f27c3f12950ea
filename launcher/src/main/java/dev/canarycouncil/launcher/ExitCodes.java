package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.schema.Decision;

/** The exit codes scripts rely on. */
public final class ExitCodes {

    public static final int PROMOTE = 0;
    public static final int ROLLBACK = 1;
    public static final int INCONCLUSIVE = 2;
    /** Bad arguments or bad input (an invalid recording, an unknown canary). */
    public static final int USAGE = 3;
    /** The analysis could not run (an agent crashed, a port was taken, ...). */
    public static final int RUNTIME = 4;

    private ExitCodes() {}

    public static int of(Decision decision) {
        return switch (decision) {
            case PROMOTE -> PROMOTE;
            case ROLLBACK -> ROLLBACK;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }
}
