package dev.canarycouncil.loganalyst.mining;

import dev.canarycouncil.loganalyst.drain.LogCluster;
import dev.canarycouncil.loganalyst.ingest.Level;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.latency.DurationSample;
import dev.canarycouncil.loganalyst.latency.Elapsed;
import dev.canarycouncil.loganalyst.signatures.CrashSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One template and how often, when and where it occurred on each side. */
public final class TemplateStats {

    static final int SAMPLES_PER_SIDE = 3;
    static final int SAMPLE_CHARS = 2000;
    private static final int MAX_SOURCES = 10;

    private final LogCluster cluster;
    private final Level level;
    private final long[] counts = new long[2];
    private final Instant[] firstSeen = new Instant[2];
    private final List<List<String>> samples = List.of(new ArrayList<>(), new ArrayList<>());
    private final Set<String> canarySources = new LinkedHashSet<>();
    private CrashSignature signature;
    private boolean access;
    private DurationSample[] durations;

    TemplateStats(LogCluster cluster, Level level) {
        this.cluster = cluster;
        this.level = level;
    }

    void record(
            Side side,
            Instant timestamp,
            String source,
            CrashSignature crash,
            boolean accessLine,
            java.util.function.Supplier<String> sample) {
        int s = side.index();
        access |= accessLine;
        counts[s]++;
        if (timestamp != null && (firstSeen[s] == null || timestamp.isBefore(firstSeen[s]))) {
            firstSeen[s] = timestamp;
        }
        if (samples.get(s).size() < SAMPLES_PER_SIDE) {
            samples.get(s).add(sample.get());
        }
        if (side == Side.CANARY && canarySources.size() < MAX_SOURCES) {
            canarySources.add(source);
        }
        if (signature == null && crash != null) {
            signature = crash;
        }
    }

    void recordElapsed(Side side, Elapsed elapsed) {
        if (durations == null) {
            durations = new DurationSample[] {new DurationSample(), new DurationSample()};
        }
        durations[side.index()].add(elapsed);
    }

    /** The durations its records stated on one side (empty when they state none). */
    public DurationSample durations(Side side) {
        return durations == null ? new DurationSample() : durations[side.index()];
    }

    public String template() {
        return cluster.template();
    }

    public Level level() {
        return level;
    }

    public long count(Side side) {
        return counts[side.index()];
    }

    public Instant firstSeen(Side side) {
        return firstSeen[side.index()];
    }

    public List<String> samples(Side side) {
        return samples.get(side.index());
    }

    /** Pods and containers the template was seen in on the canary side (at most ten). */
    public Set<String> canarySources() {
        return canarySources;
    }

    /** True when its records are HTTP access-log lines. */
    public boolean access() {
        return access;
    }

    /** The failure its records show, or null. */
    public CrashSignature signature() {
        return signature;
    }
}
