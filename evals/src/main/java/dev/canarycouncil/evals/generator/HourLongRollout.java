package dev.canarycouncil.evals.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One healthy canary recorded over an hour-long window: what `bench calls` measures the metrics
 * judge on, call by call, as a controller would over the window.
 */
public final class HourLongRollout {

    public static final String NAME = "hour-long-healthy";

    private HourLongRollout() {}

    /** Writes the recording into {@code outDir}, named {@link #NAME}. */
    public static Path write(Path outDir, long seed) throws IOException {
        ScenarioConfig c = HealthyScenarios.noisyButEqual();
        c.name = NAME;
        c.description = "Healthy canary, noisy but equal to the stable, over a one-hour window.";
        c.window = Duration.ofHours(1);
        Path dir = outDir.resolve(c.name);
        new Simulation(c, seed ^ c.name.hashCode()).writeTo(dir);
        return dir;
    }
}
