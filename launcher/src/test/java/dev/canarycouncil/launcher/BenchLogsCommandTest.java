package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canarycouncil.runtime.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLogsCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void printsEverySystemTheMeanAndThroughputThenOneSummaryLine() {
        Path loghub = SharedData.loghub();
        assumeTrue(loghub != null, "LogHub-2k data not found beside the project");
        CliRun r = run(
                "bench", "logs", "--loghub", loghub.toString(), "--lines", "20000", "--rounds", "1", "--warmups", "0");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        for (String system : List.of(
                "HDFS",
                "Hadoop",
                "Spark",
                "Zookeeper",
                "BGL",
                "HPC",
                "Thunderbird",
                "Windows",
                "Linux",
                "Android",
                "HealthApp",
                "Apache",
                "Proxifier",
                "OpenSSH",
                "OpenStack",
                "Mac")) {
            assertTrue(lines.stream().anyMatch(l -> l.matches(system + " +2000 .*")), system + " missing:\n" + r.out());
        }
        Matcher summary = Pattern.compile(
                        "mean_accuracy=(\\d\\.\\d{4}) published_mean=0\\.8650 lines_per_s=(\\d+) peak_heap_mb=\\d+")
                .matcher(lines.get(lines.size() - 1));
        assertTrue(summary.matches(), lines.get(lines.size() - 1));
        assertTrue(Double.parseDouble(summary.group(1)) >= 0.865, "mean accuracy " + summary.group(1));
        assertTrue(Long.parseLong(summary.group(2)) > 0);
        assertTrue(r.out().contains("throughput: 20,000 lines"), r.out());
        assertTrue(r.err().contains("throughput: round 1/1"), "progress on stderr: " + r.err());
    }

    @Test
    void formatsPrintsEverySampleReadAsLabelledThenOneSummaryLine() {
        CliRun r = run("bench", "logs", "--formats", "--format-lines", "2000", "--rounds", "1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        for (String format : List.of(
                "dotnet-aspnetcore-console",
                "ruby-rails",
                "python-flask-werkzeug",
                "node-express-morgan",
                "rust-tracing-fmt",
                "nginx-error",
                "envoy-istio-access",
                "cri-prefix")) {
            Matcher row = Pattern.compile(Pattern.quote(format) + " +(\\d+)/(\\d+) +(\\d+)/(\\d+) .*")
                    .matcher(lines.stream()
                            .filter(l -> l.startsWith(format + " "))
                            .findFirst()
                            .orElse(""));
            assertTrue(row.matches(), format + " missing:\n" + r.out());
            assertEquals(row.group(2), row.group(1), format + ": every record read");
            assertEquals(row.group(4), row.group(3), format + ": every exception located");
        }
        Matcher summary = Pattern.compile(
                        "formats=(\\d+) records_recognised=1\\.0000 exceptions_located=1\\.0000 lines_per_s=\\d+")
                .matcher(lines.get(lines.size() - 1));
        assertTrue(summary.matches(), lines.get(lines.size() - 1));
        assertTrue(Integer.parseInt(summary.group(1)) >= 40, summary.group(1));
    }

    @Test
    void badInputIsAUsageErrorWithoutAStackTrace(@TempDir Path empty) throws Exception {
        CliRun missing = run("bench", "logs");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertTrue(missing.err().contains("give --loghub DIR, --formats, or both"), missing.err());

        CliRun notADir = run("bench", "logs", "--loghub", "/no/such/dir");
        assertEquals(ExitCodes.USAGE, notADir.code());
        assertTrue(notADir.err().contains("--loghub /no/such/dir is not a directory"), notADir.err());

        CliRun notLoghub = run("bench", "logs", "--loghub", empty.toString());
        assertEquals(ExitCodes.USAGE, notLoghub.code());
        assertTrue(notLoghub.err().contains("is not a LogHub-2k directory: settings.json is missing"), notLoghub.err());

        Files.writeString(empty.resolve("settings.json"), "{\"HDFS\": {\"depth\": 4}}");
        CliRun noSystems = run("bench", "logs", "--loghub", empty.toString());
        assertEquals(ExitCodes.USAGE, noSystems.code());
        assertTrue(noSystems.err().contains("no system of"), noSystems.err());

        CliRun badLines = run("bench", "logs", "--loghub", empty.toString(), "--lines", "1");
        assertEquals(ExitCodes.USAGE, badLines.code());
        assertTrue(badLines.err().contains("--lines must be at least 2"), badLines.err());

        CliRun nothing = run("bench");
        assertEquals(ExitCodes.USAGE, nothing.code());
        assertTrue(nothing.err().contains("choose what to measure: logs"), nothing.err());

        for (CliRun r : List.of(missing, notADir, notLoghub, noSystems, badLines, nothing)) {
            assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
        }
    }
}
