package dev.canarycouncil.evals.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.recorded.RecordedRollout;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HourLongRolloutTest {

    @TempDir
    Path dir;

    @Test
    void writesAnHourLongHealthyRecordingWithMetrics() throws Exception {
        RecordedRollout r = RecordedRollout.load(HourLongRollout.write(dir, 42));
        assertEquals(Duration.ofHours(1), r.manifest().window().length());
        assertTrue(r.hasMetrics());
        assertEquals("PROMOTE", r.manifest().expected().verdict().name());
    }
}
