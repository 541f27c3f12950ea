package dev.canarycouncil.loganalyst;

import dev.canarycouncil.loganalyst.hints.OperatorHints;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.RateComparison;
import dev.canarycouncil.loganalyst.mining.TemplateDelta;
import dev.canarycouncil.loganalyst.mining.TemplateStats;
import dev.canarycouncil.loganalyst.signatures.CrashKind;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.ExceptionInfo;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.LogLatencyEvidence;
import dev.canarycouncil.runtime.schema.LogRecordKind;
import dev.canarycouncil.runtime.schema.LogTemplateEvidence;
import dev.canarycouncil.runtime.schema.SequentialTrace;
import dev.canarycouncil.runtime.schema.Severity;
import dev.canarycouncil.runtime.text.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Weighs the log evidence without a model. A crash the stable does not have, or a failing pod
 * state, is critical; an error template new on the canary or significantly more frequent there
 * is an error; new info-level templates are changes, not regressions. Confidence grows with the
 * strength of the evidence: more occurrences and smaller p-values for a rollback, more canary
 * records read for a promote.
 */
public final class LogJudge {

    static final int MIN_CANARY_RECORDS = 20;
    static final int MIN_CANARY_REQUESTS = 100;
    private static final int MAX_TEMPLATE_EVIDENCE = 8;
    private static final int MAX_CHANGES = 3;

    private final String agent;
    private final RateComparison rates;

    public LogJudge(String agent, RateComparison rates) {
        this.agent = agent;
        this.rates = rates;
    }

    public Finding judge(LogEvidence input) {
        LogReadability readability = new LogReadability(input.logs());
        Finding finding = weigh(input, readability);
        List<Evidence> evidence = new ArrayList<>(finding.evidence());
        evidence.addAll(readability.evidence());
        return finding.withEvidence(evidence).withReview(null).withBlindSpots(readability.blindSpots());
    }

    /**
     * The steps: compare template rates, classify each changed template, rank the evidence, then
     * decide a failure from it or, when nothing failed, how healthy the canary looks.
     */
    private Finding weigh(LogEvidence input, LogReadability readability) {
        LogIngestion logs = input.logs();
        long nc = logs.events(Side.CANARY);
        long ns = logs.events(Side.STABLE);
        List<String> notes = new ArrayList<>(input.notes());
        notes.addAll(logs.notes());
        if (ns == 0 && nc > 0) {
            notes.add("no stable logs to compare with: only crashes and failing pod states are judged");
        }
        List<TemplateStats> templates = logs.miner().templates();
        List<TemplateDelta> deltas = rates.compare(templates, nc, ns);
        // Each template's evidence over the rollout's calls, against the level it is tested at here.
        double boundary = 1 / rates.alphaPerTemplate(templates);
        Traces traces = t -> input.sequences().trace(t, boundary);
        deltas.sort(Comparator.comparing((TemplateDelta d) -> d.stats().level())
                .reversed()
                .thenComparingDouble(TemplateDelta::pValue)
                .thenComparing(d -> -d.stats().count(Side.CANARY)));
        Classified classified = classify(deltas, input.hints(), nc, ns, traces);
        List<Scored> scored = classified.scored();
        Scored surge = errorSurge(deltas, input.hints(), nc, ns);
        if (surge != null) {
            scored.add(surge);
        }
        SlowerRequests.Result timings = SlowerRequests.find(logs.miner().templates(), input.hints());
        timings.slower().forEach(s -> scored.add(new Scored(s.evidence(), s.confidence())));
        if (classified.ignored() > 0) {
            notes.add(classified.ignored() + " template(s) ignored as the operator hint asks: \""
                    + input.hints().text() + "\"");
        }
        Ranked ranked = rank(input.pods(), scored, classified.changes());
        Finding failure = failure(ranked, scored, readability, notes);
        return failure != null ? failure : health(input, readability, ranked, timings, notes);
    }

    /** Changed templates sorted into scored evidence and informational changes; hinted ones ignored. */
    private record Classified(List<Scored> scored, List<LogTemplateEvidence> changes, int ignored) {}

    /** A template's sequential trace, when the rollout was measured more than once. */
    private interface Traces {
        Optional<SequentialTrace> of(TemplateStats template);
    }

    private Classified classify(List<TemplateDelta> deltas, OperatorHints hints, long nc, long ns, Traces traces) {
        List<Scored> scored = new ArrayList<>();
        List<LogTemplateEvidence> changes = new ArrayList<>();
        int ignored = 0;
        for (TemplateDelta d : deltas) {
            TemplateStats t = d.stats();
            CrashSignature crash = t.signature();
            boolean fatal = t.level() == Level.FATAL || (crash != null && crash.uncaught());
            boolean flagged = d.change() == TemplateDelta.Change.NEW_IN_CANARY
                    || d.change() == TemplateDelta.Change.MORE_FREQUENT;
            if (!fatal && hints.ignores(t.template())) {
                ignored++;
                continue;
            }
            if (fatal && (t.count(Side.STABLE) == 0 || d.change() == TemplateDelta.Change.MORE_FREQUENT)) {
                scored.add(new Scored(
                        evidence(d, Severity.CRITICAL, nc, ns, traces),
                        LogConfidence.CRASH
                                + Math.min(LogConfidence.CRASH_CAP - LogConfidence.CRASH, (int)
                                        (LogConfidence.CRASH_PER_EXTRA * Math.log10(1 + t.count(Side.CANARY))))));
            } else if (t.level().atLeast(Level.ERROR) && flagged) {
                scored.add(new Scored(evidence(d, Severity.ERROR, nc, ns, traces), errorConfidence(d)));
            } else if (t.level() == Level.WARN && flagged) {
                scored.add(new Scored(evidence(d, Severity.WARNING, nc, ns, traces), 0));
            } else if (t.level().atLeast(Level.ERROR)
                    && d.change() == TemplateDelta.Change.NO_BASELINE
                    && t.count(Side.CANARY) >= rates.minCount()) {
                scored.add(new Scored(evidence(d, Severity.WARNING, nc, ns, traces), 0));
            } else if (!t.level().atLeast(Level.WARN)
                    && d.change() == TemplateDelta.Change.NEW_IN_CANARY
                    && changes.size() < MAX_CHANGES) {
                changes.add(evidence(d, Severity.INFO, nc, ns, traces));
            }
        }
        return new Classified(scored, changes, ignored);
    }

    /**
     * The finding's evidence, most severe first: pod states and the strongest template evidence, then
     * the informational changes.
     *
     * @param templateEvidence how many leading items are pod or template evidence (the rest are changes)
     */
    private record Ranked(List<Evidence> evidence, int templateEvidence) {}

    private static Ranked rank(List<? extends Evidence> pods, List<Scored> scored, List<LogTemplateEvidence> changes) {
        List<Evidence> evidence = new ArrayList<>(pods);
        scored.sort(Comparator.comparing((Scored s) -> s.evidence().severity())
                .reversed()
                .thenComparingInt(s -> -s.confidence()));
        scored.stream().limit(MAX_TEMPLATE_EVIDENCE).forEach(s -> evidence.add(s.evidence()));
        evidence.sort(Comparator.comparing(Evidence::severity).reversed());
        int templateEvidence = evidence.size();
        evidence.addAll(changes);
        return new Ranked(evidence, templateEvidence);
    }

    /** A ROLLBACK when the canary crashes or its errors rise; null when nothing failed. */
    private Finding failure(Ranked ranked, List<Scored> scored, LogReadability readability, List<String> notes) {
        List<Evidence> evidence = ranked.evidence();
        long critical =
                evidence.stream().filter(e -> e.severity() == Severity.CRITICAL).count();
        if (critical > 0) {
            int best = scored.stream()
                    .filter(s -> s.evidence().severity() == Severity.CRITICAL)
                    .mapToInt(Scored::confidence)
                    .max()
                    .orElse(LogConfidence.CRASH);
            int confidence = Math.min(
                    LogConfidence.CRASH_CAP,
                    best
                            + (int) Math.min(
                                    LogConfidence.CRASH_EXTRA_CAP, LogConfidence.CRASH_PER_EXTRA * (critical - 1)));
            return new Finding(
                    agent,
                    Decision.ROLLBACK,
                    confidence,
                    "The canary fails where the stable does not: "
                            + evidence.get(0).description(),
                    evidence,
                    notes);
        }
        if (evidence.stream().limit(ranked.templateEvidence()).anyMatch(e -> e.severity() == Severity.ERROR)) {
            int confidence = scored.stream().mapToInt(Scored::confidence).max().orElse(LogConfidence.ERROR);
            if (confidence == 0) {
                confidence = LogConfidence.ERROR;
            }
            if (readability.blind()) {
                confidence -= LogConfidence.BLIND_PENALTY;
            }
            // A slowdown's description says what it is ("Slower on the canary: ..."); an error's needs the headline.
            String what = evidence.get(0) instanceof LogLatencyEvidence ? "" : "Errors rise on the canary: ";
            return new Finding(
                    agent, Decision.ROLLBACK, confidence, what + evidence.get(0).description(), evidence, notes);
        }
        return null;
    }

    /** Nothing failed: INCONCLUSIVE when too little could be read, else a PROMOTE as sure as the volume read allows. */
    private Finding health(
            LogEvidence input,
            LogReadability readability,
            Ranked ranked,
            SlowerRequests.Result timings,
            List<String> notes) {
        LogIngestion logs = input.logs();
        long nc = logs.events(Side.CANARY);
        long ns = logs.events(Side.STABLE);
        List<Evidence> evidence = ranked.evidence();
        if (nc == 0 && input.canaryPods() == 0) {
            notes.add("no canary logs or pod status could be read");
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "Nothing to judge: no canary logs or pods were found.",
                    evidence,
                    notes);
        }
        if (readability.blind()) {
            // Nothing failed in what could be read, but most lines could not be: that is no evidence of health.
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "Cannot judge the logs: " + readability.blindSpots().get(0).describe()
                            + ". No crash or failing pod state was seen.",
                    evidence,
                    notes);
        }
        boolean warnings = evidence.stream().anyMatch(e -> e.severity() == Severity.WARNING);
        long canaryRequests = requestRecords(logs.miner().templates(), Side.CANARY);
        if (requestRecords(logs.miner().templates(), Side.STABLE) >= MIN_CANARY_REQUESTS
                && canaryRequests < MIN_CANARY_REQUESTS) {
            // The stable shows the service logs its requests (a timed start-up line alone does not), and the
            // canary served too few to show a regression: the metric presets' minimum traffic, so a
            // logs-only setup is no more lenient than Prometheus.
            return new Finding(
                    agent,
                    Decision.INCONCLUSIVE,
                    0,
                    "Too little canary traffic in the logs to judge: " + canaryRequests
                            + " request(s) logged on the canary, at least " + MIN_CANARY_REQUESTS
                            + " needed. Nothing failed in them.",
                    evidence,
                    notes);
        }
        if (nc < MIN_CANARY_RECORDS) {
            if (input.canaryPods() == 0 || warnings) {
                return new Finding(
                        agent,
                        Decision.INCONCLUSIVE,
                        0,
                        "Too few canary log records to judge (" + nc + ", at least " + MIN_CANARY_RECORDS + " needed).",
                        evidence,
                        notes);
            }
            return new Finding(
                    agent,
                    Decision.PROMOTE,
                    LogConfidence.FEW_RECORDS,
                    "Canary pods are healthy, but they logged only " + nc + " records; little to judge from.",
                    evidence,
                    notes);
        }
        double volume = Math.min(1, Math.log10(nc) / LogConfidence.VOLUME_DECADES);
        int confidence = (int) Math.round(LogConfidence.HEALTHY_BASE + LogConfidence.HEALTHY_VOLUME * volume);
        if (ns == 0) {
            confidence -= LogConfidence.NO_STABLE_PENALTY;
        }
        if (warnings) {
            confidence -= LogConfidence.WARNINGS_PENALTY;
        }
        confidence -= Math.min(
                LogConfidence.NOTES_PENALTY_CAP,
                LogConfidence.NOTE_PENALTY * logs.notes().size());
        String summary = "No crash, failing pod state or error increase on the canary (" + nc + " canary and " + ns
                + " stable records read)"
                + (timings.compared() > 0
                        ? "; request durations of " + timings.compared() + " template(s) compared, none slower"
                        : "")
                + (warnings ? "; warnings rose" : "") + ".";
        return new Finding(
                agent, Decision.PROMOTE, Math.max(LogConfidence.PROMOTE_FLOOR, confidence), summary, evidence, notes);
    }

    /** Records that report one request: access-log lines and records stating a request's duration. */
    private static long requestRecords(List<TemplateStats> templates, Side side) {
        return templates.stream()
                .filter(t -> t.access() || t.durations(side).count() > 0)
                .mapToLong(t -> t.count(side))
                .sum();
    }

    private record Scored(Evidence evidence, int confidence) {}

    /** More occurrences and a smaller p-value make an error template more convincing. */
    private static int errorConfidence(TemplateDelta d) {
        long k = d.stats().count(Side.CANARY);
        double fromCount = LogConfidence.ERROR_PER_DOUBLING * Math.log(Math.max(1, k)) / Math.log(2);
        double fromP = Double.isNaN(d.pValue()) || d.pValue() <= 0
                ? LogConfidence.ERROR_RAISE_CAP
                : LogConfidence.ERROR_PER_P_DECADE * -Math.log10(d.pValue());
        return (int) Math.round(Math.min(
                LogConfidence.ERROR_CAP,
                LogConfidence.ERROR_BASE
                        + Math.min(
                                LogConfidence.ERROR_RAISE_CAP,
                                Math.max(fromCount, fromP) * LogConfidence.ERROR_RAISE_SHARE)));
    }

    /**
     * Errors spread over many templates still show as a higher share of error records. Templates
     * an operator hint ignores are left out here too.
     */
    private static Scored errorSurge(List<TemplateDelta> deltas, OperatorHints hints, long nc, long ns) {
        long ec = 0;
        long es = 0;
        for (TemplateDelta d : deltas) {
            TemplateStats t = d.stats();
            if ((t.level().atLeast(Level.ERROR) || t.signature() != null)
                    && (t.level() == Level.FATAL || !hints.ignores(t.template()))) {
                ec += t.count(Side.CANARY);
                es += t.count(Side.STABLE);
            }
        }
        if (nc == 0 || ns == 0 || ec < 5) {
            return null;
        }
        double canaryShare = (double) ec / nc;
        double stableShare = (double) es / ns;
        double p = RateComparison.pValue(ec, es, nc, ns);
        if (p >= 0.001 || canaryShare < 0.01 || canaryShare < 2 * stableShare) {
            return null;
        }
        String description = String.format(
                Locale.ROOT,
                "%.1f%% of canary records are errors (%d of %d) against %.1f%% on stable (%d of %d), p=%.1e",
                canaryShare * 100,
                ec,
                nc,
                stableShare * 100,
                es,
                ns,
                p);
        LogTemplateEvidence e = LogTemplateEvidence.builder(
                        description, Severity.ERROR, LogTemplateEvidence.ERROR_AGGREGATE)
                .counts(ec, es, nc, ns)
                .source("all canary and stable logs")
                .build();
        return new Scored(e, (int) Math.round(Math.min(
                LogConfidence.SURGE_CAP,
                LogConfidence.ERROR_BASE + Math.min(LogConfidence.ERROR_RAISE_CAP, -Math.log10(Math.max(p, 1e-300))))));
    }

    private static LogTemplateEvidence evidence(TemplateDelta d, Severity severity, long nc, long ns, Traces traces) {
        TemplateStats t = d.stats();
        long kc = t.count(Side.CANARY);
        long ks = t.count(Side.STABLE);
        CrashSignature crash = t.signature();
        String what = switch (severity) {
            case CRITICAL -> crash != null ? label(crash) + " on the canary" : "Fatal record on the canary";
            case ERROR ->
                d.change() == TemplateDelta.Change.NEW_IN_CANARY
                        ? "New error on the canary"
                        : "Error more frequent on the canary";
            case WARNING ->
                d.change() == TemplateDelta.Change.NO_BASELINE
                        ? "Error on the canary (no stable to compare)"
                        : "Warning more frequent on the canary";
            case INFO -> "New info-level line on the canary, not a regression by itself";
        };
        StringBuilder description = new StringBuilder(what).append(": ");
        if (crash != null && severity == Severity.CRITICAL) {
            description
                    .append(
                            crash.kind() == CrashKind.GO_PANIC || crash.exception() == null
                                    ? ""
                                    : crash.exception() + ": ")
                    .append(crash.message().isBlank() ? crash.exception() : crash.message());
            if (crash.location() != null) {
                description.append(" at ").append(crash.location());
            }
            if (crash.function() != null) {
                description.append(" in ").append(crash.function());
            }
        } else {
            description.append(quote(t.template()));
        }
        description.append(String.format(
                Locale.ROOT,
                ", %d time(s) in %d canary record(s) on %d source(s)",
                kc,
                nc,
                t.canarySources().size()));
        if (ns > 0) {
            description.append(
                    ks == 0
                            ? ", never on the stable"
                            : String.format(
                                    Locale.ROOT,
                                    ", %d time(s) in %d stable record(s) (rate x%.1f, p=%.1e)",
                                    ks,
                                    ns,
                                    d.rateRatio(),
                                    d.pValue()));
        }
        LogTemplateEvidence.Builder built = LogTemplateEvidence.builder(description.toString(), severity, t.template())
                .counts(kc, ks, nc, ns)
                .firstSeen(t.firstSeen(Side.CANARY))
                .samples(t.samples(Side.CANARY))
                .source("canary: " + String.join(", ", t.canarySources()))
                .recordKind(
                        crash != null
                                ? LogRecordKind.CRASH
                                : t.access() ? LogRecordKind.ACCESS : LogRecordKind.MESSAGE);
        traces.of(t).ifPresent(built::sequential);
        if (crash != null) {
            built.crash(crash.kind().label(), crash.location(), crash.function())
                    .exception(
                            crash.exception() == null ? null : new ExceptionInfo(crash.exception(), crash.message()));
        }
        return built.build();
    }

    private static String label(CrashSignature c) {
        return switch (c.kind()) {
            case GO_PANIC -> "Go " + c.exception();
            case GO_ERROR -> "Go error with a stack trace";
            case RUST_PANIC -> "Rust panic";
            case JAVA_EXCEPTION, DOTNET_EXCEPTION ->
                (c.uncaught() ? "Uncaught " : "") + c.kind().title();
            default -> c.kind().title();
        };
    }

    private static String quote(String template) {
        return "\"" + Texts.abbreviate(template, 200) + "\"";
    }
}
