package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's history options: mistakes are usage errors that name the option, before anything starts. */
class HistoryOptionsTest {

    private static String recording() {
        return Recordings.named("healthy-color-change").toString();
    }

    @Test
    void badHistoryOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        CliRun mysql = CliRun.of(
                "serve",
                "--recording",
                recording(),
                "--history-url",
                "jdbc:mysql://db/council",
                "--history-user",
                "council");
        assertEquals(ExitCodes.USAGE, mysql.code(), mysql.err());
        assertTrue(mysql.err().contains("jdbc:postgresql://host[:port]/database"), mysql.err());

        CliRun noUser = CliRun.of("serve", "--recording", recording(), "--history-url", "jdbc:postgresql://db/council");
        assertEquals(ExitCodes.USAGE, noUser.code(), noUser.err());
        assertTrue(noUser.err().contains("--history-user"), noUser.err());

        CliRun zero = CliRun.of("serve", "--recording", recording(), "--history-retention-days", "0");
        assertEquals(ExitCodes.USAGE, zero.code(), zero.err());
        assertTrue(zero.err().contains("--history-retention-days must be at least 1"), zero.err());

        CliRun empty = CliRun.of("serve", "--recording", recording(), "--history-url", "");
        assertEquals(ExitCodes.USAGE, empty.code(), empty.err());
        assertTrue(empty.err().contains("is empty"), "an empty Secret is not a history of its own: " + empty.err());

        Path password = dir.resolve("pw");
        Files.writeString(password, "s3cret-history-password\n");
        CliRun orphan = CliRun.of("serve", "--recording", recording(), "--history-password-file", password.toString());
        assertEquals(ExitCodes.USAGE, orphan.code(), orphan.err());
        assertTrue(orphan.err().contains("go with --history-url"), orphan.err());
        assertFalse(orphan.err().contains("s3cret-history-password"), "the password never reaches the output");
    }

    @Test
    void aHistoryThatCannotBeOpenedStopsServeWithTheReason(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun down = CliRun.of(
                "serve",
                "--recording",
                recording(),
                "--base-port",
                "0",
                "--history-url",
                "jdbc:postgresql://127.0.0.1:" + port + "/council",
                "--history-user",
                "council");
        assertEquals(ExitCodes.RUNTIME, down.code(), down.err());
        assertTrue(down.err().contains("the history at PostgreSQL at jdbc:postgresql://127.0.0.1:" + port), down.err());
        assertFalse(down.err().contains("\tat "), "no stack trace: " + down.err());
    }
}
