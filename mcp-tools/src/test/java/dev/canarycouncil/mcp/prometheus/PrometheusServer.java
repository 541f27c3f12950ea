package dev.canarycouncil.mcp.prometheus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (the Debian package's binaries) serving the series of one OpenMetrics file,
 * backfilled with {@code promtool}, on a free loopback port. For tests in any module:
 * <pre>{@code
 * PrometheusServer.assumeAvailable();
 * try (PrometheusServer prometheus = PrometheusServer.start(recording.resolve("metrics.om"))) { ... }
 * }</pre>
 * Queries must pass a time inside the recorded window: at "now" Prometheus finds nothing.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(20);
    private static final Duration PROMTOOL_LIMIT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 40;
    private static final Pattern LISTENING = Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");
    private static final String INSTALL_HINT = "apt-get install -y --no-install-recommends prometheus";

    private final Process process;
    private final Path directory;
    private final URI url;
    private final Deque<String> logTail;
    private final Duration startupTime;
    private final Thread shutdownHook;

    private PrometheusServer(
            Process process,
            Path directory,
            URI url,
            Deque<String> logTail,
            Duration startupTime,
            Thread shutdownHook) {
        this.process = process;
        this.directory = directory;
        this.url = url;
        this.logTail = logTail;
        this.startupTime = startupTime;
        this.shutdownHook = shutdownHook;
    }

    /** Whether the {@code prometheus} and {@code promtool} executables are installed. */
    public static boolean available() {
        return executable("prometheus").isPresent() && executable("promtool").isPresent();
    }

    /**
     * Skips the calling test when Prometheus is not installed, except on CI (the {@code CI}
     * environment variable is set), where a silently skipped real-part test would hide a broken
     * setup: there it fails with the install command.
     */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail("prometheus and promtool are not installed, and CI must not skip tests against a real "
                    + "Prometheus: install them (" + INSTALL_HINT + "), e.g. from .ci/run");
        }
        Assumptions.abort("prometheus and promtool are not installed (" + INSTALL_HINT
                + "); skipping the tests against a real Prometheus");
    }

    /** Backfills {@code openMetricsFile} into a fresh data directory and starts Prometheus on it. */
    public static PrometheusServer start(Path openMetricsFile) {
        long begin = System.nanoTime();
        Path prometheus = executable("prometheus")
                .orElseThrow(() -> new IllegalStateException("prometheus is not installed (" + INSTALL_HINT + ")"));
        Path promtool = executable("promtool")
                .orElseThrow(() -> new IllegalStateException("promtool is not installed (" + INSTALL_HINT + ")"));
        Path dir;
        try {
            dir = Files.createTempDirectory("prometheus-test");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for Prometheus", e);
        }
        try {
            Path data = dir.resolve("data");
            backfill(promtool, openMetricsFile.toAbsolutePath(), data, dir);
            Path config = dir.resolve("prometheus.yml");
            // No scrape jobs: the only series are the backfilled ones.
            Files.writeString(config, "global:\n  scrape_interval: 15s\n");
            return launch(prometheus, config, data, dir, begin);
        } catch (IOException e) {
            deleteTree(dir);
            throw new UncheckedIOException("cannot prepare Prometheus in " + dir, e);
        } catch (RuntimeException | Error e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** The base URL of the API, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /** A backend on this server, with the default limit and the wall clock. */
    public PrometheusMetricsBackend backend() {
        return PrometheusMetricsBackend.create(url, null);
    }

    /** From running promtool to {@code /-/ready} answering 200. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The last lines Prometheus logged, to explain a failure. */
    public String logTail() {
        synchronized (logTail) {
            return String.join("\n", logTail);
        }
    }

    @Override
    public void close() {
        try {
            stop(process);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; nothing left to undo.
            }
            deleteTree(directory);
        }
    }

    private static void backfill(Path promtool, Path openMetricsFile, Path data, Path dir) throws IOException {
        Process p = new ProcessBuilder(
                        promtool.toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        openMetricsFile.toString(),
                        data.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        // Read everything before waiting, so a chatty promtool never blocks on a full pipe.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(p));
        try {
            if (!p.waitFor(PROMTOOL_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                stop(p);
                throw new IllegalStateException("promtool did not finish backfilling " + openMetricsFile + " within "
                        + PROMTOOL_LIMIT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("promtool tsdb create-blocks-from openmetrics " + openMetricsFile
                        + " failed with exit code " + p.exitValue() + ":\n" + output.get(5, TimeUnit.SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(p);
            throw new IllegalStateException("interrupted while promtool backfilled " + openMetricsFile, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "promtool failed with exit code " + p.exitValue() + " and its output could not be read", e);
        }
    }

    private static PrometheusServer launch(Path prometheus, Path config, Path data, Path dir, long begin)
            throws IOException {
        Process p = new ProcessBuilder(
                        prometheus.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + data,
                        // Retention counts back from the newest block; recorded data is old and must stay.
                        "--storage.tsdb.retention.time=100y",
                        "--web.listen-address=127.0.0.1:0",
                        // The port is read from the log; pin what the log looks like.
                        "--log.level=info",
                        "--log.format=logfmt")
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread hook = new Thread(p::destroyForcibly, "prometheus-test-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread drain = new Thread(() -> drain(p, tail, port), "prometheus-test-log");
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        try {
            URI url = URI.create("http://127.0.0.1:" + awaitPort(p, port, deadline, tail));
            awaitReady(p, url, deadline, tail);
            return new PrometheusServer(p, dir, url, tail, Duration.ofNanos(System.nanoTime() - begin), hook);
        } catch (RuntimeException | Error e) {
            stop(p);
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
    }

    /** Keeps reading Prometheus' log until it exits, so it never blocks writing to a full pipe. */
    private static void drain(Process p, Deque<String> tail, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > LOG_TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is destroyed; nothing more to read.
        } finally {
            port.completeExceptionally(
                    new IllegalStateException("Prometheus closed its log without saying where it listens"));
        }
    }

    private static int awaitPort(Process p, CompletableFuture<Integer> port, long deadline, Deque<String> tail) {
        try {
            return port.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw failure(
                    "Prometheus did not log its listening address within " + STARTUP_LIMIT.toSeconds() + " s", p, tail);
        } catch (ExecutionException e) {
            throw failure(e.getCause().getMessage(), p, tail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for Prometheus to start", p, tail);
        }
    }

    private static void awaitReady(Process p, URI url, long deadline, Deque<String> tail) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/-/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw failure("Prometheus exited with code " + p.exitValue() + " before it was ready", p, tail);
            }
            try {
                HttpResponse<Void> response = http.send(ready, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for Prometheus to be ready", p, tail);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for Prometheus to be ready", p, tail);
            }
        }
        throw failure(
                "Prometheus at " + url + " was not ready within " + STARTUP_LIMIT.toSeconds()
                        + " s (last /-/ready answer: " + last + ")",
                p,
                tail);
    }

    private static IllegalStateException failure(String message, Process p, Deque<String> tail) {
        String log;
        synchronized (tail) {
            log = String.join("\n", tail);
        }
        return new IllegalStateException(message + " (pid " + p.pid() + "). Last log lines:\n" + log);
    }

    /** Stops this one process by its handle: politely, then forcibly. */
    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String readAll(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv("PATH");
        Stream<Path> dirs = Stream.concat(
                path == null
                        ? Stream.empty()
                        : Stream.of(path.split(java.io.File.pathSeparator))
                                .filter(s -> !s.isBlank())
                                .map(Path::of),
                Stream.of(Path.of("/usr/bin")));
        return dirs.map(d -> d.resolve(name))
                .filter(Files::isRegularFile)
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing a test for.
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
