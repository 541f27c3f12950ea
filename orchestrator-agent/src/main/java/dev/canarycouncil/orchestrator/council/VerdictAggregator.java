package dev.canarycouncil.orchestrator.council;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.Severity;

/**
 * Weighs the members' findings into one decision.
 *
 * <p>Each finding votes with weight x confidence. The margin is (promote - rollback) over the
 * weight of every member asked, so a member that failed or timed out lowers the confidence
 * of whatever the others decide. A PROMOTE needs a clear margin; a confident ROLLBACK from any
 * member vetoes promotion outright, because shipping a broken release costs more than pausing
 * a good one. With no usable evidence the answer is INCONCLUSIVE, never a silent promote.
 */
public final class VerdictAggregator {

    /** The decision, how sure it is, and why. */
    public record Outcome(Decision decision, int confidence, String rationale) {
    }

    private final CouncilSettings settings;

    public VerdictAggregator(CouncilSettings settings) {
        this.settings = settings;
    }

    private static String describe(Ballot b) {
        Finding f = b.finding();
        if (b.abstained()) {
            return f.agent() + " abstained (not its domain): " + f.summary();
        }
        StringBuilder s = new StringBuilder(f.agent()).append(" voted ").append(f.verdict()).append(" (").append(f.confidence()).append('%');
        if (b.weight() != 1.0) {
            s.append(", weight ").append(String.format(Locale.ROOT, "%.2f", b.weight()));
        }
        if (b.basis() != null) {
            s.append(", ").append(b.basis());
        }
        if (!b.mayVeto() && f.verdict() == Decision.ROLLBACK) {
            s.append(", no veto");
        }
        return s.append("): ").append(f.summary()).toString();
    }

    /** Deterministic evidence strong enough that no model may argue the canary into promotion. */
    private boolean blocksModelPromote(Finding f) {
        if (f.verdict() != Decision.ROLLBACK) {
            return false;
        }
        return f.confidence() >= settings.vetoConfidence()
                || f.evidence().stream().anyMatch(e -> e.severity() == Severity.CRITICAL);
    }

    /** Findings counted by their confidence, each member weighted as the settings say, failures likewise. */
    public Outcome decide(List<Finding> findings, List<AgentFailure> failures) {
        List<Ballot> ballots = findings.stream()
                .map(f -> new Ballot(f, settings.weight(f.agent()), f.confidence(), true, null)).toList();
        return decide(ballots, failures, failure -> settings.weight(failure.agent()));
    }

    /**
     * @param failureWeight how much each member that gave no finding would have weighed: its absence
     *                      lowers the margin by that much
     */
    public Outcome decide(List<Ballot> ballots, List<AgentFailure> failures,
                          java.util.function.ToDoubleFunction<AgentFailure> failureWeight) {
        List<Finding> findings = ballots.stream().map(Ballot::finding).toList();
        double totalWeight = 0;
        double promote = 0;
        double rollback = 0;
        for (Ballot b : ballots) {
            if (b.abstained()) {
                continue;
            }
            double w = b.weight();
            totalWeight += w;
            if (b.finding().verdict() == Decision.PROMOTE) {
                promote += w * b.strength();
            } else if (b.finding().verdict() == Decision.ROLLBACK) {
                rollback += w * b.strength();
            }
        }
        for (AgentFailure failure : failures) {
            totalWeight += failureWeight.applyAsDouble(failure);
        }
        List<String> reasons = new ArrayList<>();
        ballots.stream()
                .sorted(Comparator.comparing((Ballot b) -> b.finding().verdict() != Decision.ROLLBACK)
                        .thenComparing(b -> -b.finding().confidence()))
                .forEach(b -> reasons.add(describe(b)));
        failures.forEach(f -> reasons.add(f.agent() + " gave no finding (" + f.reason() + "), which lowers confidence"));

        boolean criticalEvidence = ballots.stream().filter(Ballot::mayVeto).map(Ballot::finding).anyMatch(this::blocksModelPromote);
        for (Ballot b : ballots) {
            Finding f = b.finding();
            ModelReview review = f.review();
            if (review == null || !review.answered()) {
                continue;
            }
            String who = f.agent() + "'s model " + review.model();
            if (review.verdict() == Decision.PROMOTE && criticalEvidence) {
                reasons.add(who + " voted PROMOTE (" + review.confidence() + "%), overruled: deterministic critical "
                        + "evidence or a confident rollback forbids a model-driven promotion");
                continue;
            }
            double w = b.weight() * settings.modelWeight();
            totalWeight += w;
            if (review.verdict() == Decision.PROMOTE) {
                promote += w * review.confidence();
            } else if (review.verdict() == Decision.ROLLBACK) {
                rollback += w * review.confidence();
            }
            reasons.add(who + " voted " + review.verdict() + " (" + review.confidence() + "%, weight "
                    + String.format(Locale.ROOT, "%.2f", w) + "): " + review.reasoning());
        }

        // Only deterministic findings veto: a model, however sure, is one lighter vote.
        Finding veto = ballots.stream()
                .filter(b -> b.mayVeto() && b.weight() > 0)
                .map(Ballot::finding)
                .filter(f -> f.verdict() == Decision.ROLLBACK && f.confidence() >= settings.vetoConfidence())
                .max(Comparator.comparingInt(Finding::confidence))
                .orElse(null);
        if (veto != null) {
            double promoteShare = totalWeight == 0 ? 0 : promote / totalWeight / 100;
            int confidence = (int) Math.round(Math.max(settings.vetoConfidence(), veto.confidence() - 15 * promoteShare));
            return new Outcome(Decision.ROLLBACK, Math.min(100, confidence), "ROLLBACK: " + veto.agent() + "'s rollback at "
                    + veto.confidence() + "% meets the veto threshold of " + settings.vetoConfidence() + "%. "
                    + String.join("; ", reasons) + ".");
        }
        if (promote == 0 && rollback == 0) {
            String why = findings.isEmpty() ? "no member gave a usable finding" : "no member found enough evidence either way";
            return new Outcome(Decision.INCONCLUSIVE, 0, "INCONCLUSIVE: " + why
                    + (reasons.isEmpty() ? "" : ". " + String.join("; ", reasons)) + ".");
        }
        double margin = (promote - rollback) / totalWeight;
        int confidence = (int) Math.round(Math.min(100, Math.abs(margin)));
        String weighed = String.format(Locale.ROOT, "weighted margin %+.0f over %d member(s)", margin,
                ballots.size() + failures.size());
        if (margin >= settings.minPromoteMargin()) {
            return new Outcome(Decision.PROMOTE, confidence, "PROMOTE: " + weighed + ". " + String.join("; ", reasons) + ".");
        }
        if (-margin >= settings.minRollbackMargin()) {
            return new Outcome(Decision.ROLLBACK, confidence, "ROLLBACK: " + weighed + ". " + String.join("; ", reasons) + ".");
        }
        return new Outcome(Decision.INCONCLUSIVE, confidence, "INCONCLUSIVE: " + weighed + " is below the "
                + (margin >= 0 ? settings.minPromoteMargin() + " needed to promote" : settings.minRollbackMargin()
                + " needed to roll back") + ". " + String.join("; ", reasons) + ".");
    }
}
