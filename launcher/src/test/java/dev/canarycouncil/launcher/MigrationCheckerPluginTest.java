package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.examples.migrationchecker.LaunchOptions;
import dev.canarycouncil.examples.migrationchecker.MigrationCheckerAgent;
import dev.canarycouncil.examples.migrationchecker.RunningAgent;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.orchestrator.members.MemberEntry;
import dev.canarycouncil.orchestrator.members.MembersConfig;
import dev.canarycouncil.orchestrator.members.MembersFile;
import dev.canarycouncil.orchestrator.members.TrackRecords;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.testing.Recordings;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example domain agent seated in the real council by a members file: on a canary whose
 * migration drops a column the stable still reads, the built-in specialists promote (the stable is
 * the side that errors) and the migration checker's rollback turns the verdict; on a release
 * without migrations it abstains and leaves the council's confidence as it was.
 */
class MigrationCheckerPluginTest {

    private static final Path EXAMPLE_RECORDINGS =
            Path.of("..", "examples", "migration-checker-agent", "src", "test", "resources", "recordings");

    private static Vertx vertx;
    private static CouncilAssembly assembly;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        vertx = VertxFactory.create(64);
        assembly = new CouncilAssembly(
                vertx, "127.0.0.1", A2aServerSettings.defaults(), PresetCatalog.defaultSet(), ModelConfig.none());
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    /** The recording judged by the built-in council, with the checker seated from a members file when asked. */
    private static Verdict analyse(Path recording, boolean withChecker) throws Exception {
        RecordedRollout rollout = RecordedRollout.load(recording);
        try (LocalCouncil council = LocalCouncil.start(
                        assembly,
                        LocalCouncil.Ports.ephemeral(),
                        RecordingOption.backends(rollout),
                        CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)),
                        IssueWriterConfig.dryRun(null, null),
                        line -> {});
                RunningAgent checker = MigrationCheckerAgent.start(new LaunchOptions(
                        "127.0.0.1", 0, council.part("mcp-tools").url() + "/mcp", null, false))) {
            List<MemberEntry> members = new ArrayList<>();
            members.add(MemberEntry.of(council.part("log-analyst").cardUrl(), "built-in"));
            members.add(MemberEntry.of(council.part("metrics-agent").cardUrl(), "built-in"));
            members.add(MemberEntry.of(council.part("issue-writer").cardUrl(), "built-in"));
            if (withChecker) {
                Path file = dir.resolve("members-" + System.nanoTime() + ".yaml");
                Files.writeString(file, "members:\n  - card: " + checker.cardUrl() + "\n    abstain: true\n");
                members.addAll(new MembersFile(System.getenv()).load(file).members());
            }
            try (StartedPart orchestrator = assembly.orchestrator(
                    0,
                    null,
                    council.part("mcp-tools").url() + "/mcp",
                    new MemberOptions.Resolved(new MembersConfig(members, null, null), TrackRecords.none(), null),
                    CouncilSettings.defaults().withDeadline(Duration.ofSeconds(30)))) {
                AnalysisTarget target = AnalysisTarget.of(
                        rollout.manifest().namespace(),
                        rollout.manifest().canary().podTemplateHash());
                return AnalysisClient.analyze(orchestrator.url(), target, Duration.ofSeconds(90), m -> {});
            }
        }
    }

    @Test
    void aDestructiveMigrationIsRolledBackOnlyWithTheCheckerSeated() throws Exception {
        Path recording = EXAMPLE_RECORDINGS.resolve("destructive-migration-breaks-stable");
        Verdict without = analyse(recording, false);
        assertEquals(Decision.PROMOTE, without.decision(), without.rationale());

        Verdict with = analyse(recording, true);
        assertEquals(Decision.ROLLBACK, with.decision(), with.rationale());
        assertTrue(with.rationale().contains("migration-checker"), with.rationale());
        assertTrue(with.rootCause().contains("legacy_price"), with.rootCause());
        assertTrue(
                with.issue() != null && with.issue().body().contains("migration-checker"),
                "the remediation issue carries the plug-in's evidence");
    }

    @Test
    void aReleaseWithoutMigrationsKeepsItsConfidenceWhenTheCheckerAbstains() throws Exception {
        Path recording = Recordings.named("healthy-color-change");
        Verdict without = analyse(recording, false);
        Verdict with = analyse(recording, true);
        assertEquals(Decision.PROMOTE, with.decision(), with.rationale());
        assertEquals(without.confidence(), with.confidence(), with.rationale());
        assertTrue(with.rationale().contains("migration-checker abstained (not its domain)"), with.rationale());
    }
}
