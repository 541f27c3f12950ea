package dev.canarycouncil.evals.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the generated recorded rollouts. The same seed always gives the same files, so the
 * bundled recordings can be regenerated and diffed:
 * {@code java -cp launcher/target/canary-council.jar dev.canarycouncil.evals.generator.RecordingGenerator evals/recordings 42}.
 */
public final class RecordingGenerator {

    public static final long DEFAULT_SEED = 42;

    private RecordingGenerator() {}

    /** Generates every scenario into {@code outDir}, replacing earlier output of the same name. */
    public static List<Path> generate(Path outDir, long seed) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ScenarioConfig scenario : Scenarios.all()) {
            Path dir = outDir.resolve(scenario.name);
            deleteRecursively(dir);
            new Simulation(scenario, seed ^ scenario.name.hashCode()).writeTo(dir);
            written.add(dir);
        }
        return written;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: RecordingGenerator OUTPUT_DIR [SEED]");
            System.exit(3);
        }
        long seed = args.length == 2 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        for (Path dir : generate(Path.of(args[0]), seed)) {
            System.out.println("wrote " + dir);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
