package dev.canarycouncil.mcp.recorded;

import dev.canarycouncil.runtime.logs.LogTimestamps;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where to start reading a recorded log for the lines since a time, found by bisecting the file on
 * its lines' timestamps instead of reading it from the top: a rollout measured every minute asks
 * for the last minute of an hour's log, as a kubelet answers {@code sinceTime}. The place found is
 * a little early, never late; the log reader still applies the exact cut.
 */
final class LogFileSeek {

    /** Files smaller than this are read from the top: bisecting them saves nothing. */
    static final long WORTH_SEEKING = 1 << 20;

    /** Bisection stops this close; the reader skips the rest line by line. */
    private static final long CLOSE_ENOUGH = 64 * 1024;

    /** Bytes read at each probe to find a timestamped line. */
    private static final int PROBE_BYTES = 64 * 1024;

    private LogFileSeek() {}

    /**
     * A byte offset at the start of a timestamped line older than {@code since}, from which reading
     * on gives every line at or after it; 0 when the log has no such line or is small.
     */
    static long offset(Path file, Instant since) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < WORTH_SEEKING) {
                return 0;
            }
            long before = 0;
            long after = size;
            while (after - before > CLOSE_ENOUGH) {
                long middle = before + (after - before) / 2;
                Probe probe = probe(in, middle);
                if (probe == null || probe.offset() >= after) {
                    after = middle;
                } else if (probe.stamp().isBefore(since)) {
                    before = probe.offset();
                } else {
                    after = middle;
                }
            }
            // Step back a little more: lines written by several threads are not quite in time order.
            if (before <= CLOSE_ENOUGH) {
                return 0;
            }
            Probe earlier = probe(in, before - CLOSE_ENOUGH);
            return earlier != null
                            && earlier.offset() <= before
                            && earlier.stamp().isBefore(since)
                    ? earlier.offset()
                    : 0;
        }
    }

    /** The first timestamped line that starts after {@code from}. */
    private record Probe(long offset, Instant stamp) {}

    private static Probe probe(RandomAccessFile in, long from) throws IOException {
        byte[] block = new byte[(int) Math.min(PROBE_BYTES, in.length() - from)];
        in.seek(from);
        in.readFully(block);
        int line = 0;
        if (from > 0) {
            // Mid-line: the line starts after the next newline.
            while (line < block.length && block[line] != '\n') {
                line++;
            }
            line++;
        }
        while (line < block.length) {
            int end = line;
            while (end < block.length && block[end] != '\n') {
                end++;
            }
            if (end == block.length && from + end < in.length()) {
                return null; // a line longer than the block: give up on this probe
            }
            Instant stamp = LogTimestamps.leading(new String(block, line, end - line, StandardCharsets.UTF_8));
            if (stamp != null) {
                return new Probe(from + line, stamp);
            }
            line = end + 1;
        }
        return null;
    }
}
