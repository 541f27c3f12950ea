package dev.canarycouncil.launcher;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long run on stderr: a bar redrawn in place on a terminal, one line per step
 * otherwise (CI logs), never on stdout where scripts read results.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final int total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int done;

    ProgressBar(PrintStream err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void step(String label) {
        done++;
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format(
                Locale.ROOT,
                "[%s%s] %d/%d %5.1fs %s",
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                done,
                total,
                seconds,
                label);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, 20 - label.length())));
            if (done == total) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }
}
