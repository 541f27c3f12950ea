package dev.canarycouncil.orchestrator.members;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.Decision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Each member's measured record, read from the eval harness's {@code eval-report.json}: how often
 * its PROMOTE votes and its ROLLBACK votes were right on the recorded rollouts. With these, a vote
 * counts by how trustworthy such a vote from that member has proven, instead of by the confidence
 * the member claims for itself. A member without a record, or with too few votes of that kind,
 * keeps its own confidence.
 */
public final class TrackRecords {

    /** Fewer votes of a kind than this say too little about the member to replace its own confidence. */
    public static final int MIN_VOTES = 5;

    /** One member's record: precision of each vote kind (NaN without such votes) and its vote count. */
    public record Record(String agent, double promotePrecision, double rollbackPrecision, int votes) {}

    private final Map<String, Record> records;
    private final String source;

    TrackRecords(Map<String, Record> records, String source) {
        this.records = Map.copyOf(records);
        this.source = source;
    }

    public static TrackRecords none() {
        return new TrackRecords(Map.of(), "none");
    }

    /** @throws MembersConfigException when the file is missing or has no per-agent figures */
    public static TrackRecords load(Path evalReport) {
        JsonNode root;
        try {
            root = Json.reports().readTree(Files.readString(evalReport));
        } catch (NoSuchFileException e) {
            throw new MembersConfigException("track record file " + evalReport
                    + " does not exist (run `eval --report DIR` " + "and give DIR/eval-report.json)");
        } catch (IOException e) {
            throw new MembersConfigException("track record file " + evalReport + " is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode agents = root == null ? null : root.get("agents");
        if (agents == null || !agents.isObject() || agents.isEmpty()) {
            throw new MembersConfigException("track record file " + evalReport + " has no 'agents' figures; give the "
                    + "eval-report.json written by `eval --report DIR`");
        }
        Map<String, Record> records = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = agents.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            records.put(
                    e.getKey(),
                    new Record(
                            e.getKey(),
                            number(a.get("promotePrecision")),
                            number(a.get("rollbackPrecision")),
                            a.path("overall").path("votes").asInt(0)));
        }
        return new TrackRecords(records, evalReport.toString());
    }

    /**
     * The strength (0–100) a vote of {@code verdict} from {@code agent} earns by its record, with
     * how it was derived; empty when the record cannot stand in for the member's confidence.
     */
    public Optional<Strength> strength(String agent, Decision verdict) {
        Record r = records.get(agent);
        if (r == null || r.votes() < MIN_VOTES || verdict == Decision.INCONCLUSIVE) {
            return Optional.empty();
        }
        double precision = verdict == Decision.PROMOTE ? r.promotePrecision() : r.rollbackPrecision();
        if (Double.isNaN(precision)) {
            return Optional.empty();
        }
        return Optional.of(new Strength(
                100 * precision,
                String.format(
                        java.util.Locale.ROOT,
                        "track record: %.0f%% of its %s votes right over %d cases",
                        100 * precision,
                        verdict,
                        r.votes())));
    }

    /** A vote's strength by track record and the words for the rationale. */
    public record Strength(double value, String basis) {}

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public String source() {
        return source;
    }

    private static double number(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble();
    }
}
