package dev.canarycouncil.evals.scoring;

import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How each member voted on its own, against the expected verdict: per failure class, and the
 * precision of its PROMOTE and ROLLBACK votes overall (how often a vote of that kind was right),
 * which is what a track-record weight would use in place of self-reported confidence.
 *
 * @param agent        the member
 * @param byClass      figures per failure class
 * @param overall      figures over every case it voted on
 * @param promotePrecision  share of its PROMOTE votes on canaries that were healthy (NaN without such votes)
 * @param rollbackPrecision share of its ROLLBACK votes on canaries that were broken (NaN without such votes)
 */
public record AgentTrackRecord(
        String agent,
        Map<String, Figures> byClass,
        Figures overall,
        double promotePrecision,
        double rollbackPrecision) {

    /**
     * @param votes          cases the member voted on
     * @param accuracy       share of its votes equal to the expected verdict
     * @param falsePromotes  broken canaries it voted to promote
     */
    public record Figures(int votes, double accuracy, int falsePromotes) {}

    /** Every member's record over the cases, by agent name. */
    public static Map<String, AgentTrackRecord> of(List<CaseResult> cases) {
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        Map<String, int[]> precision = new TreeMap<>();
        for (CaseResult c : cases) {
            if (c.verdict() == null) {
                continue;
            }
            for (Finding f : c.verdict().findings()) {
                boolean right = f.verdict() == c.expected().verdict();
                boolean falsePromote =
                        f.verdict() == Decision.PROMOTE && c.expected().broken();
                for (String key : List.of(c.expected().failureClass(), "")) {
                    int[] n = counts.computeIfAbsent(f.agent(), a -> new TreeMap<>())
                            .computeIfAbsent(key, k -> new int[3]);
                    n[0]++;
                    n[1] += right ? 1 : 0;
                    n[2] += falsePromote ? 1 : 0;
                }
                // [promote votes, right promotes, rollback votes, right rollbacks]
                int[] p = precision.computeIfAbsent(f.agent(), a -> new int[4]);
                if (f.verdict() == Decision.PROMOTE) {
                    p[0]++;
                    p[1] += c.expected().verdict() == Decision.PROMOTE ? 1 : 0;
                } else if (f.verdict() == Decision.ROLLBACK) {
                    p[2]++;
                    p[3] += c.expected().broken() ? 1 : 0;
                }
            }
        }
        Map<String, AgentTrackRecord> records = new TreeMap<>();
        counts.forEach((agent, byKey) -> {
            Map<String, Figures> byClass = new TreeMap<>();
            byKey.forEach((k, n) -> {
                if (!k.isEmpty()) {
                    byClass.put(k, figures(n));
                }
            });
            int[] p = precision.get(agent);
            records.put(
                    agent,
                    new AgentTrackRecord(
                            agent,
                            byClass,
                            figures(byKey.get("")),
                            p[0] == 0 ? Double.NaN : p[1] / (double) p[0],
                            p[2] == 0 ? Double.NaN : p[3] / (double) p[2]));
        });
        return records;
    }

    private static Figures figures(int[] n) {
        return new Figures(n[0], n[0] == 0 ? 0 : n[1] / (double) n[0], n[2]);
    }
}
