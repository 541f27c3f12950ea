package dev.canarycouncil.issuewriter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything logged while it is open: SLF4J (simple logger, on standard error) and
 * java.util.logging at every level, including github-api's request traces.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> jul = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    /** Held, so that its level survives garbage collection while the capture is open. */
    private final Logger github = Logger.getLogger("org.kohsuke.github");

    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null) {
                message = message + " " + List.of(record.getParameters());
            }
            jul.add(record.getLoggerName() + " " + message
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    public LogCapture() {
        System.setErr(new PrintStream(new TeeStream(originalErr, err), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        // Only github-api's own traces at every level: java.net.http misbehaves with the root logger at ALL.
        github.setLevel(Level.ALL);
    }

    public String text() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", jul);
        }
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        root.removeHandler(handler);
        github.setLevel(null);
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final ByteArrayOutputStream b;

        TeeStream(OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) {
            synchronized (b) {
                b.write(c);
            }
            try {
                a.write(c);
            } catch (java.io.IOException ignored) {
                // The capture matters; the console copy is a courtesy.
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            synchronized (b) {
                b.write(bytes, off, len);
            }
            try {
                a.write(bytes, off, len);
            } catch (java.io.IOException ignored) {
                // As above.
            }
        }
    }
}
