package dev.canarycouncil.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL (the Debian package's binaries) in a temporary directory on a free loopback
 * port, user {@code council} with trust authentication. One per test class:
 * <pre>{@code
 * PostgresServer.assumeAvailable();
 * try (PostgresServer pg = PostgresServer.start()) { ... pg.jdbcUrl() ... }
 * }</pre>
 * {@link #stop()} and {@link #restart()} let a test take the database away and bring it back.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String INSTALL_HINT = "apt-get install -y --no-install-recommends postgresql";

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgres;
    private final Thread shutdownHook;

    private PostgresServer(Path bin, Path directory, int port, boolean asPostgres) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgres = asPostgres;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The newest installed server's bin directory, e.g. /usr/lib/postgresql/15/bin. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Skips without PostgreSQL, except on CI (CI is set), where a skipped real-part test would hide a broken setup. */
    public static void assumeAvailable() {
        if (binaries().isPresent()) {
            return;
        }
        if (System.getenv("CI") != null) {
            Assertions.fail("PostgreSQL is not installed on this CI machine: " + INSTALL_HINT);
        }
        Assumptions.abort("PostgreSQL is not installed (" + INSTALL_HINT + "); skipping");
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin =
                binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed: " + INSTALL_HINT));
        Path dir = Files.createTempDirectory("history-pg");
        // initdb refuses to run as root; the package's postgres user owns the cluster then.
        boolean asPostgres = "root".equals(System.getProperty("user.name"));
        if (asPostgres) {
            run(List.of("chown", "-R", "postgres", dir.toString()), dir);
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), asPostgres);
        server.command(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-A",
                "trust",
                "-U",
                "council",
                "--no-sync"));
        server.restart();
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "council";
    }

    /** Stops the server, keeping its data: the database is down until {@link #restart()}. */
    public void stop() throws IOException, InterruptedException {
        command(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                directory.resolve("data").toString(),
                "-m",
                "fast",
                "-w",
                "stop"));
    }

    /** Starts (again) on the same port, waiting until it accepts connections. */
    public void restart() throws IOException, InterruptedException {
        command(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                directory.resolve("data").toString(),
                "-w",
                "-t",
                "30",
                "-l",
                directory.resolve("log").toString(),
                "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook stops the server.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            // Already stopped.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void command(List<String> command) throws IOException, InterruptedException {
        if (asPostgres) {
            List<String> su = new ArrayList<>(List.of("su", "postgres", "-s", "/bin/sh", "-c"));
            su.add(String.join(" ", command.stream().map(PostgresServer::quote).toList()));
            run(su, directory);
        } else {
            run(command, directory);
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
