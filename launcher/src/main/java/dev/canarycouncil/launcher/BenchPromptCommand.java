package dev.canarycouncil.launcher;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.loganalyst.LogAnalystService;
import dev.canarycouncil.mcp.recorded.RecordedRollout;
import dev.canarycouncil.metrics.MetricsAgentService;
import dev.canarycouncil.metrics.presets.PresetCatalog;
import dev.canarycouncil.orchestrator.council.CouncilSettings;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.http.VertxFactory;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.llm.ReviewPrompts;
import dev.canarycouncil.runtime.llm.UntrustedData;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.Verdict;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How much smaller the council's model prompts are than sending the raw logs, as the original
 * rollouts plugin does. Counts tokens with a real BPE tokenizer (cl100k_base); Gemini's own
 * tokenizer differs by a few percent, the ratio hardly at all.
 */
@Command(
        name = "prompt",
        mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        exitCodeOnExecutionException = ExitCodes.RUNTIME,
        description = {
            "Prompt size of the specialists' model reviews (evidence digest) against all canary and stable "
                    + "logs in one prompt, per recording, in cl100k_base tokens."
        })
final class BenchPromptCommand implements Callable<Integer> {

    @Option(
            names = "--recordings",
            required = true,
            paramLabel = "DIR",
            description = "A recording, or a directory of recordings, e.g. evals/recordings.")
    Path recordings;

    @Override
    public Integer call() throws Exception {
        List<Path> dirs = RecordingDirs.in(recordings);
        Encoding tokenizer = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
        System.out.printf(
                Locale.ROOT, "%-34s %12s %12s %10s%n", "recording", "raw_tokens", "digest_tokens", "reduction");
        long rawSum = 0;
        long digestSum = 0;
        Vertx vertx = VertxFactory.create(32);
        try {
            for (Path dir : dirs) {
                RecordedRollout rollout = RecordedRollout.load(dir);
                Verdict verdict = analyse(vertx, rollout);
                long raw = tokenizer.countTokens(rawLogs(dir));
                long digest = 0;
                AnalysisRequest request = requestOf(rollout, verdict);
                for (Finding f : verdict.findings()) {
                    UntrustedData fence = UntrustedData.fresh();
                    String role = f.agent().equals("log-analyst")
                            ? LogAnalystService.MODEL_ROLE
                            : MetricsAgentService.MODEL_ROLE;
                    digest += tokenizer.countTokens(ReviewPrompts.system(f.agent(), role, fence, List.of())
                            + ReviewPrompts.user(request, f, fence));
                }
                rawSum += raw;
                digestSum += digest;
                System.out.printf(
                        Locale.ROOT, "%-34s %12d %12d %9.1fx%n", dir.getFileName(), raw, digest, (double) raw / digest);
            }
        } finally {
            vertx.close();
        }
        System.out.printf(
                Locale.ROOT, "%-34s %12d %12d %9.1fx%n", "total", rawSum, digestSum, (double) rawSum / digestSum);
        return 0;
    }

    private static Verdict analyse(Vertx vertx, RecordedRollout rollout) throws Exception {
        try (LocalCouncil council = LocalCouncil.start(
                new CouncilAssembly(
                        vertx,
                        "127.0.0.1",
                        A2aServerSettings.defaults(),
                        PresetCatalog.defaultSet(),
                        ModelConfig.none()),
                LocalCouncil.Ports.ephemeral(),
                RecordingOption.backends(rollout),
                CouncilSettings.defaults(),
                IssueWriterConfig.dryRun(null, null),
                line -> {})) {
            AnalysisTarget target = AnalysisTarget.of(
                    rollout.manifest().namespace(), rollout.manifest().canary().podTemplateHash());
            return AnalysisClient.analyze(council.orchestratorUrl(), target, Duration.ofSeconds(120), m -> {});
        }
    }

    /** What the review prompt names: the rollout, both hashes and the window, as the coordinator sends them. */
    private static AnalysisRequest requestOf(RecordedRollout rollout, Verdict v) {
        var s = v.subject();
        return AnalysisRequest.builder(
                        v.analysisId(),
                        s.namespace(),
                        new PodGroup(s.canaryHash(), null, List.of()),
                        new PodGroup(s.stableHash(), null, List.of()),
                        s.window())
                .rollout(s.rollout())
                .service(s.service())
                .build();
    }

    /** Every log line of both sides, as one prompt would carry them. */
    private static String rawLogs(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                b.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }
}
