package dev.canarycouncil.evals.baseline;

import dev.canarycouncil.runtime.llm.JsonAnswer;
import dev.canarycouncil.runtime.llm.ModelOutcome;
import dev.canarycouncil.runtime.llm.ModelSession;
import dev.canarycouncil.runtime.schema.Decision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The baseline a model-only judge sets: every log line of both sides in one prompt, the model
 * decides, as the original rollouts plugin does — no statistics, no metrics, no pod states. Our
 * redaction and data fences still apply (we will not send secrets for a baseline). Runs only when
 * a model is configured.
 */
public final class RawLogsPrompt {

    public static final String NAME = "raw-logs-llm";
    /** The agent name its model calls are recorded and replayed under. */
    public static final String AGENT = "raw-logs-baseline";
    /** About 100k tokens: larger log sets are cut in the middle, keeping both ends. */
    static final int MAX_CHARS = 400_000;

    static final long BUDGET = 150_000;

    /** The decision and what it cost. */
    public record Judgement(Decision decision, long tokens) {}

    private final ModelSession session;

    public RawLogsPrompt(ModelSession session) {
        this.session = session;
    }

    public Judgement judge(Path recording, String canaryHash, String stableHash)
            throws InterruptedException, IOException {
        String logs = logs(recording);
        ModelOutcome<RawLogsAnswer> outcome = session.run(
                BUDGET,
                (model, fence) -> JsonAnswer.ask(
                        model,
                        "You are a Kubernetes SRE analysing a canary release. Decide whether to promote the canary. Pods whose "
                                + "name contains " + canaryHash + " are the canary, " + stableHash + " the stable. "
                                + fence.rule()
                                + "\nAnswer only with the JSON object: promote, confidence, rootCause.",
                        "Logs of every pod:\n" + fence.fence("pod-logs", logs),
                        RawLogsAnswer.class));
        long tokens = outcome.usage().totalTokens();
        if (!outcome.answered()) {
            // The plugin treats a failed model call as an error, which Argo counts as inconclusive.
            return new Judgement(Decision.INCONCLUSIVE, tokens);
        }
        return new Judgement(outcome.value().promote() ? Decision.PROMOTE : Decision.ROLLBACK, tokens);
    }

    static String logs(Path recording) throws IOException {
        StringBuilder b = new StringBuilder();
        Path dir = recording.resolve("logs");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    b.append("==> ")
                            .append(f.getFileName())
                            .append(" <==\n")
                            .append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        if (b.length() <= MAX_CHARS) {
            return b.toString();
        }
        int head = MAX_CHARS / 2;
        return b.substring(0, head) + "\n[cut: " + (b.length() - MAX_CHARS) + " characters]\n"
                + b.substring(b.length() - head);
    }
}
