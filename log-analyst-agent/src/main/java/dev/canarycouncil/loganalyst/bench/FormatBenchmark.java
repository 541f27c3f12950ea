package dev.canarycouncil.loganalyst.bench;

import dev.canarycouncil.loganalyst.LogIngestion;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.ingest.IngestLimits;
import dev.canarycouncil.loganalyst.ingest.Side;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * How well and how fast the whole log pipeline reads each labelled format sample: its score against
 * the labels ({@link FormatScorer}), and its single-thread throughput on the sample repeated to a
 * given number of lines (read, assembled, crash-checked, masked and mined, as an analysis does).
 */
public final class FormatBenchmark {

    /** One format's figures. */
    public record Result(FormatScore score, long lines, double linesPerSecond) {}

    private final long linesPerFormat;
    private final int rounds;

    public FormatBenchmark(long linesPerFormat, int rounds) {
        if (linesPerFormat < 1 || rounds < 1) {
            throw new IllegalArgumentException("need at least 1 line and 1 round");
        }
        this.linesPerFormat = linesPerFormat;
        this.rounds = rounds;
    }

    public Result run(FormatSample sample) {
        FormatScore score = FormatScorer.score(sample);
        long sampleLines = sample.text().lines().count();
        int copies = (int) Math.max(1, linesPerFormat / Math.max(1, sampleLines));
        String text = sample.text().endsWith("\n") ? sample.text() : sample.text() + "\n";
        String input = text.repeat(copies);
        long lines = sampleLines * copies;
        ingest(input); // warm-up
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            ingest(input);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Result(score, lines, lines * 1e9 / nanos[rounds / 2]);
    }

    private static void ingest(String input) {
        LogIngestion ingestion = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 5_000));
        try {
            ingestion.read(Side.CANARY, "bench", new StringReader(input));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
