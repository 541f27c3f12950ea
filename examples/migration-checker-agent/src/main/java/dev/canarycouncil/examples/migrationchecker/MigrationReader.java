package dev.canarycouncil.examples.migrationchecker;

import dev.canarycouncil.examples.migrationchecker.Migration.Outcome;
import dev.canarycouncil.runtime.logs.LogMessages;
import dev.canarycouncil.runtime.logs.LogTimestamps;
import dev.canarycouncil.runtime.tools.ContainerLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the canary's recognised migration lines into migrations: a start line opens one, the
 * statements after it belong to it, a success or failure line closes it. Every canary pod runs
 * the same migrations at start-up (the first applies them, the others find them applied), so
 * migrations with the same tool and description are merged across pods.
 */
public final class MigrationReader {

    private final MigrationLineRecognizer recognizer;
    private final SchemaChangeClassifier classifier;

    public MigrationReader(MigrationLineRecognizer recognizer, SchemaChangeClassifier classifier) {
        this.recognizer = recognizer;
        this.classifier = classifier;
    }

    public CanaryMigrations read(List<ContainerLog> logs) throws InterruptedException {
        Map<String, Migration> merged = new LinkedHashMap<>();
        boolean upToDate = false;
        for (ContainerLog log : logs) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            PodReading reading = new PodReading(log.pod());
            log.text().lines().forEach(reading::accept);
            for (Migration m : reading.migrations()) {
                merged.merge(m.key(), m, Migration::merge);
            }
            upToDate |= reading.upToDate;
        }
        return new CanaryMigrations(List.copyOf(merged.values()), upToDate);
    }

    /** The state of reading one container's log from top to bottom. */
    private final class PodReading {

        private final String pod;
        private final List<Draft> all = new ArrayList<>();
        private final List<Draft> open = new ArrayList<>();
        private Instant now;
        private boolean upToDate;

        PodReading(String pod) {
            this.pod = pod;
        }

        void accept(String line) {
            Instant stamp = LogTimestamps.leading(line);
            // Continuation lines (stack traces, Flyway's error report) happened when their event did.
            now = stamp == null ? now : stamp;
            Optional<MigrationLine> recognised = recognizer.recognise(line);
            if (recognised.isEmpty()) {
                return;
            }
            MigrationLine l = recognised.get();
            switch (l.signal()) {
                case STARTED -> {
                    Draft d = new Draft(l.tool(), l.detail(), now);
                    d.changes.add(classifier.description(l.tool(), descriptionWords(l)));
                    d.add(line);
                    all.add(d);
                    open.add(d);
                }
                case CHANGE -> {
                    Draft d = open.isEmpty() ? lone(l) : open.get(open.size() - 1);
                    d.changes.add(l.change());
                    d.add(line);
                }
                case SUCCEEDED -> {
                    open.forEach(d -> {
                        d.outcome = Outcome.SUCCEEDED;
                        d.add(line);
                    });
                    open.clear();
                }
                case FAILED -> fail(l, line);
                case INVALID -> {
                    Draft d = all.stream()
                            .filter(x -> x.outcome == Outcome.INVALID)
                            .findFirst()
                            .orElseGet(() -> {
                                Draft x = new Draft(l.tool(), "validation of the schema history", now);
                                x.outcome = Outcome.INVALID;
                                x.failure = l.detail();
                                all.add(x);
                                return x;
                            });
                    d.add(line);
                }
                case UP_TO_DATE -> upToDate = true;
            }
        }

        /**
         * The failing migration is the last one opened; the tool and the application then usually
         * report the same failure again (an exception, "APPLICATION FAILED TO START"), which belongs to it too.
         */
        private void fail(MigrationLine l, String line) {
            Draft d;
            if (!open.isEmpty()) {
                d = open.remove(open.size() - 1);
            } else {
                d = all.stream()
                        .filter(x -> x.outcome == Outcome.FAILED)
                        .reduce((a, b) -> b)
                        .orElse(null);
                if (d == null) {
                    d = new Draft(l.tool(), l.detail().isEmpty() ? "migration" : l.detail(), now);
                    all.add(d);
                }
            }
            if (d.outcome != Outcome.FAILED) {
                d.outcome = Outcome.FAILED;
                d.failure = LogMessages.message(line);
            }
            d.add(line);
            open.clear();
        }

        /** A DDL statement outside any migration tool's run: a migration of its own. */
        private Draft lone(MigrationLine l) {
            Draft d = new Draft(l.tool(), l.detail(), now);
            all.add(d);
            return d;
        }

        List<Migration> migrations() {
            return all.stream().map(d -> d.build(pod)).toList();
        }

        /** Alembic's "upgrade a -> b, drop column x": the message, not the revision ids. */
        private String descriptionWords(MigrationLine l) {
            int comma = l.detail().indexOf(", ");
            return l.tool() == MigrationTool.ALEMBIC && comma > 0 ? l.detail().substring(comma + 2) : l.detail();
        }
    }

    /** A migration while its lines are still being read. */
    private static final class Draft {
        final MigrationTool tool;
        final String description;
        final Instant firstSeen;
        final List<SchemaChange> changes = new ArrayList<>();
        final List<String> samples = new ArrayList<>();
        Outcome outcome = Outcome.UNCONFIRMED;
        String failure;
        long lines;

        Draft(MigrationTool tool, String description, Instant firstSeen) {
            this.tool = tool;
            this.description = description;
            this.firstSeen = firstSeen;
        }

        void add(String line) {
            lines++;
            if (samples.size() < Migration.MAX_SAMPLES) {
                samples.add(line);
            }
        }

        Migration build(String pod) {
            return new Migration(tool, description, changes, outcome, failure, firstSeen, List.of(pod), lines, samples);
        }
    }
}
