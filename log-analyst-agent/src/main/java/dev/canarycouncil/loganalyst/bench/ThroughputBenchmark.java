package dev.canarycouncil.loganalyst.bench;

import dev.canarycouncil.loganalyst.LogIngestion;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Single-threaded throughput of the log analyst's whole pipeline (line reading, record assembly,
 * crash detection, masking, Drain, per-side counts) on generated service logs: half the lines as
 * the stable side, half as the canary side, as an analysis reads them.
 *
 * <p>Each side is a block of generated lines read several times over, so the input held in
 * memory stays small next to what the pipeline keeps; repeating does not make the work cheaper,
 * since every line is still read, assembled, masked and matched.
 */
public final class ThroughputBenchmark {

    /** Lines generated per side before repeating: enough for variables to vary widely. */
    static final int BLOCK_LINES = 20_000;

    /**
     * @param linesPerSecond   median over the measured rounds, wall clock
     * @param linesPerCpuSecond median over the measured rounds, by the benchmark thread's own CPU time
     *                         (what the pipeline costs, without time the machine spent elsewhere)
     * @param peakHeapBytes    highest heap occupancy during the measured rounds, garbage included
     * @param retainedBytes    heap the finished analysis still holds (templates, counts, samples), after a GC
     */
    public record Result(
            long lines,
            int rounds,
            long medianNanos,
            double linesPerSecond,
            double linesPerCpuSecond,
            long peakHeapBytes,
            long retainedBytes,
            int templates) {}

    private final long lines;
    private final int warmups;
    private final int rounds;

    public ThroughputBenchmark(long lines, int warmups, int rounds) {
        if (lines < 2 || rounds < 1 || warmups < 0) {
            throw new IllegalArgumentException("need at least 2 lines and 1 round");
        }
        this.lines = lines;
        this.warmups = warmups;
        this.rounds = rounds;
    }

    /** @param progress told before each round, e.g. "warm-up 1/2" */
    public Result run(Consumer<String> progress) throws IOException {
        long perSide = lines / 2;
        int block = (int) Math.min(BLOCK_LINES, perSide);
        String stable = new ServiceLogGenerator(1).block(block);
        String canary = new ServiceLogGenerator(2).block(block);
        for (int i = 0; i < warmups; i++) {
            progress.accept("warm-up " + (i + 1) + "/" + warmups);
            once(stable, canary, block, perSide);
        }
        long baseline = usedAfterGc();
        resetPeaks();
        long[] nanos = new long[rounds];
        long[] cpuNanos = new long[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LogIngestion last = null;
        for (int i = 0; i < rounds; i++) {
            progress.accept("round " + (i + 1) + "/" + rounds);
            last = null; // the previous round's analysis must not count in this round's peak
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            last = once(stable, canary, block, perSide);
            nanos[i] = System.nanoTime() - start;
            cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        long peak = peakHeap();
        long retained = Math.max(0, usedAfterGc() - baseline);
        Arrays.sort(nanos);
        Arrays.sort(cpuNanos);
        long median = nanos[rounds / 2];
        long read = last.lines(Side.STABLE) + last.lines(Side.CANARY);
        return new Result(
                read,
                rounds,
                median,
                read * 1e9 / median,
                read * 1e9 / cpuNanos[rounds / 2],
                peak,
                retained,
                last.miner().templates().size());
    }

    private static LogIngestion once(String stable, String canary, int block, long perSide) throws IOException {
        LogIngestion ingestion = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 5_000));
        ingestion.read(Side.STABLE, "stable", new RepeatingReader(stable, block, perSide));
        ingestion.read(Side.CANARY, "canary", new RepeatingReader(canary, block, perSide));
        return ingestion;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }

    /** Serves a block of whole lines until {@code lines} lines have been served. */
    static final class RepeatingReader extends Reader {

        private final String block;
        private final long repeats;
        private final int tailLines;
        private long served;
        private int pos;
        private int end;

        RepeatingReader(String block, int blockLines, long lines) {
            this.block = block;
            this.repeats = lines / blockLines;
            this.tailLines = (int) (lines % blockLines);
            this.end = repeats > 0 ? block.length() : endOfLine(tailLines);
        }

        private int endOfLine(int count) {
            int at = 0;
            for (int i = 0; i < count; i++) {
                at = block.indexOf('\n', at) + 1;
            }
            return at;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == end) {
                served++;
                if (served > repeats || (served == repeats && tailLines == 0)) {
                    return -1;
                }
                pos = 0;
                end = served == repeats ? endOfLine(tailLines) : block.length();
                if (end == 0) {
                    return -1;
                }
            }
            int n = Math.min(len, end - pos);
            block.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
