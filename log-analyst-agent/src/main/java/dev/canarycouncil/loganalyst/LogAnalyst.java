package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.incremental.RolloutKey;
import dev.canarycouncil.loganalyst.incremental.RolloutLogs;
import dev.canarycouncil.loganalyst.incremental.TemplateSequences;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import dev.canarycouncil.loganalyst.mining.TemplateStats;
import dev.canarycouncil.loganalyst.pods.PodConditions;
import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.redaction.FindingRedactor;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FollowUp;
import dev.canarycouncil.runtime.schema.FollowUpAnswer;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The log analyst: collects logs, pod states and events through MCP, mines the templates of both
 * sides together, compares them, and judges; everything it returns is redacted.
 */
public final class LogAnalyst implements Specialist {

    public static final String NAME = "log-analyst";
    static final int MAX_TEMPLATES_PER_LEVEL = 5_000;
    static final int MAX_LISTED_TEMPLATES = 15;

    private final LogCollector collector;
    private final LogJudge judge;
    private final FindingRedactor redactor;
    private final IngestLimits limits;
    private final KeptLogs kept;

    public LogAnalyst(LogCollector collector, LogJudge judge, FindingRedactor redactor, IngestLimits limits) {
        this.collector = collector;
        this.judge = judge;
        this.redactor = redactor;
        this.limits = limits;
        this.kept = new KeptLogs(KeptLogs.MAX_ROLLOUTS, KeptLogs.IDLE, this::newIngestion);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress progress) throws InterruptedException, IOException {
        if (request.hasInlineLogs()) {
            CollectedLogs logs = collector.collect(request, progress);
            return judge(request, logs, ingest(logs), new TemplateSequences(), progress);
        }
        RolloutKey key = RolloutKey.of(request);
        KeptLogs.Kept rollout = kept.get(key);
        synchronized (rollout) {
            long[] before = {
                rollout.ingestion().lines(Side.CANARY), rollout.ingestion().lines(Side.STABLE)
            };
            CollectedLogs logs = collector.collect(request, progress, rollout.reading());
            boolean aligned = add(rollout, logs);
            // Full, the kept records would take no more lines and miss what the canary does now: read
            // the window as a call without kept state does, cut to each container's newest lines.
            boolean full = aligned
                    && rollout.reading().calls() > 0
                    && rollout.ingestion().full();
            if (!aligned || full) {
                progress.report(
                        full
                                ? "the kept log records reached their line limit: reading the window again from its start"
                                : "a log could not be lined up with what the previous call read of it: "
                                        + "reading the window again from its start");
                rollout = kept.restart(key);
                before = new long[2];
                logs = collector.collect(request, progress, rollout.reading());
                add(rollout, logs);
            }
            rollout.reading().called();
            // A log cut in an earlier call stays cut in the kept records: later findings say so too.
            logs.notes().stream().filter(LogCollector::isGap).forEach(rollout.gaps()::add);
            List<String> notes = new ArrayList<>(rollout.gaps());
            logs.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            logs = new CollectedLogs(logs.canary(), logs.stable(), notes);
            rollout.sequences()
                    .observe(
                            request.window().end(),
                            rollout.ingestion().miner().templates(),
                            rollout.ingestion().events(Side.CANARY),
                            rollout.ingestion().events(Side.STABLE));
            progress.report(String.format(
                    Locale.ROOT,
                    "read %d new canary and %d new stable log lines (call %d for this canary)",
                    rollout.ingestion().lines(Side.CANARY) - before[0],
                    rollout.ingestion().lines(Side.STABLE) - before[1],
                    rollout.reading().calls()));
            return judge(request, logs, rollout.ingestion(), rollout.sequences(), progress);
        }
    }

    /** Adds this call's unread lines; false when a log could not be lined up and nothing may be trusted. */
    private static boolean add(KeptLogs.Kept rollout, CollectedLogs logs) throws IOException {
        return rollout.reading().add(Side.CANARY, logs.canary().logs(), restarts(logs.canary()))
                && rollout.reading().add(Side.STABLE, logs.stable().logs(), restarts(logs.stable()));
    }

    private static RolloutLogs.Restarts restarts(SideEvidence side) {
        Map<String, Map<String, Integer>> byPod = new java.util.HashMap<>();
        for (var pod : side.pods()) {
            Map<String, Integer> containers = new java.util.HashMap<>();
            pod.containers().forEach(c -> containers.put(c.name(), c.restartCount()));
            byPod.put(pod.name(), containers);
        }
        return new RolloutLogs.Restarts(byPod);
    }

    private Finding judge(
            AnalysisRequest request,
            CollectedLogs logs,
            LogIngestion ingestion,
            TemplateSequences sequences,
            Progress progress) {
        progress.report("mined " + ingestion.miner().templates().size() + " templates from "
                + ingestion.events(Side.CANARY) + " canary and " + ingestion.events(Side.STABLE) + " stable records");
        var pods = PodConditions.compare(
                logs.canary().pods(),
                logs.canary().events(),
                logs.stable().pods(),
                logs.stable().events());
        Finding finding = judge.judge(new LogEvidence(
                ingestion,
                pods,
                logs.canary().pods().size(),
                OperatorHints.parse(request.hints()),
                logs.notes(),
                sequences));
        return redactor.redact(finding);
    }

    /**
     * Lists the warning and error templates of the canary next to the stable's counts, new ones
     * first: more than the verdict's evidence, which keeps only what stands out statistically.
     */
    @Override
    public Optional<FollowUpAnswer> answer(FollowUp q, Progress progress) throws Exception {
        if (!FollowUp.TEMPLATES.equals(q.topic())) {
            return Optional.empty();
        }
        LogIngestion ingestion = ingest(collector.collect(q.analysis(), progress));
        long canaryTotal = Math.max(1, ingestion.events(Side.CANARY));
        long stableTotal = Math.max(1, ingestion.events(Side.STABLE));
        List<TemplateStats> warnings = ingestion.miner().templates().stream()
                .filter(t -> t.level().compareTo(Level.WARN) >= 0 && t.count(Side.CANARY) > 0)
                .sorted(Comparator.comparing((TemplateStats t) -> t.count(Side.STABLE) > 0)
                        .thenComparing(t -> -(double) t.count(Side.CANARY) / canaryTotal))
                .limit(MAX_LISTED_TEMPLATES)
                .toList();
        if (warnings.isEmpty()) {
            return Optional.of(new FollowUpAnswer(
                    NAME,
                    "The canary logged no warnings or errors in the window (" + ingestion.events(Side.CANARY)
                            + " records read).",
                    List.of()));
        }
        Redactor redactor = new Redactor();
        StringBuilder text =
                new StringBuilder("Warning and error templates on the canary (" + ingestion.events(Side.CANARY)
                        + " canary and " + ingestion.events(Side.STABLE) + " stable records), new ones first:\n");
        List<Map<String, Object>> data = new ArrayList<>();
        for (TemplateStats t : warnings) {
            String template = redactor.redact(t.template());
            long c = t.count(Side.CANARY);
            long st = t.count(Side.STABLE);
            text.append(String.format(
                    Locale.ROOT,
                    "- [%s] %s%n    canary %d (%.1f per 1k), stable %d (%.1f per 1k)%s%n",
                    t.level().name().toLowerCase(Locale.ROOT),
                    template,
                    c,
                    1000.0 * c / canaryTotal,
                    st,
                    1000.0 * st / stableTotal,
                    st == 0 ? ", new on the canary" : ""));
            data.add(Map.of("template", template, "level", t.level().name(), "canary", c, "stable", st));
        }
        return Optional.of(new FollowUpAnswer(NAME, text.toString().strip(), data));
    }

    /** Both sides' logs mined together, as every analysis and question reads them. */
    private LogIngestion ingest(CollectedLogs logs) throws IOException, InterruptedException {
        LogIngestion ingestion = newIngestion();
        read(ingestion, Side.CANARY, logs.canary());
        read(ingestion, Side.STABLE, logs.stable());
        return ingestion;
    }

    private LogIngestion newIngestion() {
        return new LogIngestion(limits, new TemplateMiner(new TokenMasker(), MAX_TEMPLATES_PER_LEVEL));
    }

    private static void read(LogIngestion ingestion, Side side, SideEvidence evidence)
            throws IOException, InterruptedException {
        for (ContainerLog log : evidence.logs()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            String source = log.pod()
                    + (log.container() == null ? "" : "/" + log.container())
                    + (log.previous() ? " (previous)" : "");
            ingestion.read(side, source, new StringReader(log.text()));
        }
    }
}
