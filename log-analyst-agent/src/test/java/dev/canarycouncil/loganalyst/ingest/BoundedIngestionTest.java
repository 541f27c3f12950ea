package dev.canarycouncil.loganalyst.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.loganalyst.LogIngestion;
import dev.canarycouncil.loganalyst.drain.TokenMasker;
import dev.canarycouncil.loganalyst.mining.TemplateMiner;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile input must be capped and noted, never an OutOfMemoryError or a crash. */
class BoundedIngestionTest {

    /** A generated stream of {@code bytes} bytes: log lines, with binary garbage and a huge line mixed in. */
    static InputStream hostileStream(long bytes) {
        return new InputStream() {
            private long sent;
            private byte[] chunk = new byte[0];
            private int pos;
            private long lineNo;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= bytes) {
                    return -1;
                }
                if (pos == chunk.length) {
                    lineNo++;
                    if (lineNo % 5000 == 0) {
                        chunk = new byte[3 * 1024 * 1024];
                        Arrays.fill(chunk, (byte) 'x');
                        chunk[chunk.length - 1] = '\n';
                    } else if (lineNo % 1000 == 0) {
                        chunk = new byte[] {0, 1, 2, 3, (byte) 0xC3, (byte) 0x28, 5, 6, 7, '\n'};
                    } else {
                        chunk = ("level=info msg=\"request served\" id=" + lineNo + "\n")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    pos = 0;
                }
                int n = (int) Math.min(Math.min(len, chunk.length - pos), bytes - sent);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                sent += n;
                return n;
            }
        };
    }

    @Test
    void aGigabyteOfHostileInputIsReadToTheCapsAndNoted() throws Exception {
        IngestLimits limits = new IngestLimits(16 * 1024, 200_000, 200);
        LogIngestion ingestion = new LogIngestion(limits, new TemplateMiner(new TokenMasker(), 1000));
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ingestion.read(Side.CANARY, "huge", new InputStreamReader(hostileStream(1L << 30), decoder));
        assertEquals(200_000, ingestion.lines(Side.CANARY));
        String notes = String.join("\n", ingestion.notes());
        assertTrue(notes.contains("read the first 200000 canary log lines"), notes);
        assertTrue(notes.contains("longer than 16384 characters were cut"), notes);
        assertTrue(notes.contains("binary or undecodable line(s) were skipped"), notes);
    }

    @Test
    void aTemplateExplosionIsCappedAndNoted() throws Exception {
        StringBuilder random = new StringBuilder();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            random.append(Long.toString(r.nextLong(), 36).replaceAll("\\d", ""))
                    .append(' ')
                    .append(Long.toString(r.nextLong(), 36).replaceAll("\\d", ""))
                    .append('\n');
        }
        LogIngestion ingestion = new LogIngestion(IngestLimits.defaults(), new TemplateMiner(new TokenMasker(), 100));
        ingestion.read(Side.CANARY, "noise", new StringReader(random.toString()));
        assertTrue(ingestion.miner().templates().size() <= 100);
        assertTrue(
                ingestion.notes().stream().anyMatch(n -> n.contains("template limit was reached")),
                ingestion.notes()::toString);
    }
}
