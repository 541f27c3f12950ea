package dev.canarycouncil.loganalyst.mining;

import dev.canarycouncil.loganalyst.drain.Drain;
import dev.canarycouncil.loganalyst.drain.LogCluster;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.LineHeader.Start;
import dev.canarycouncil.loganalyst.ingest.LogEvent;
import dev.canarycouncil.loganalyst.latency.ElapsedReader;
import dev.canarycouncil.loganalyst.signatures.CrashKind;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Mines the templates of both sides together, so a template's counts on each side can be compared.
 * Records of different levels never share a template: an error line must not disappear into a
 * similar-looking info line.
 */
public final class TemplateMiner {

    private final TokenMasker masker;
    private final int maxTemplatesPerLevel;
    private final Map<Level, Drain> trees = new EnumMap<>(Level.class);
    private final Map<Level, List<TemplateStats>> stats = new EnumMap<>(Level.class);
    private long refused;

    public TemplateMiner(TokenMasker masker, int maxTemplatesPerLevel) {
        this.masker = masker;
        this.maxTemplatesPerLevel = maxTemplatesPerLevel;
    }

    public void add(LogEvent event, CrashSignature crash) {
        Level level = event.level();
        if (crash != null) {
            level = Level.max(level, crash.uncaught() ? Level.FATAL : Level.ERROR);
        }
        Drain drain = trees.computeIfAbsent(level, l -> new Drain(4, 0.5, 100, maxTemplatesPerLevel));
        String[] tokens = masker.mask(Drain.tokenize(templateLine(event, crash)));
        if (tokens.length == 0) {
            return;
        }
        LogCluster cluster = drain.add(tokens);
        if (cluster == null) {
            refused++;
            return;
        }
        List<TemplateStats> list = stats.computeIfAbsent(level, l -> new ArrayList<>());
        if (cluster.id() == list.size()) {
            list.add(new TemplateStats(cluster, level));
        }
        TemplateStats template = list.get(cluster.id());
        boolean access = event.start() == Start.ACCESS;
        template.record(
                event.side(),
                event.timestamp(),
                event.source(),
                crash,
                access,
                () -> event.text(TemplateStats.SAMPLE_CHARS));
        if (!level.atLeast(Level.WARN)) {
            // Durations of what succeeded: a failing request's time says more about the failure than about speed.
            ElapsedReader.read(event.message(), access).ifPresent(e -> template.recordElapsed(event.side(), e));
        }
    }

    /**
     * The line a record's template is mined from: what it says, with the exception named when that
     * does not. A crash report whose first line is not its message (a traceback's first line, Node's
     * source excerpt, a Rust panic's location) is mined from its exception and message.
     */
    static String templateLine(LogEvent event, CrashSignature crash) {
        String message = event.message();
        if (crash == null || crash.exception() == null) {
            return message;
        }
        if (crash.kind() == CrashKind.GO_PANIC || crash.kind() == CrashKind.FATAL_MESSAGE) {
            return message;
        }
        Start start = event.start();
        if (start == Start.TRACEBACK || start == Start.DUMP || start == Start.CRASH) {
            return crash.exception() + ": " + crash.message();
        }
        if (!message.contains(crash.exception())) {
            return message + " [" + crash.exception() + "]";
        }
        return message;
    }

    /** Every template of every level. */
    public List<TemplateStats> templates() {
        List<TemplateStats> all = new ArrayList<>();
        stats.values().forEach(all::addAll);
        return all;
    }

    /** Records that could not get a template because the template limit was reached. */
    public long refused() {
        return refused;
    }
}
