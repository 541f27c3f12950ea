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

    /** Deterministic evidence strong enough that no model may argue the canary into promotion. */
    private boolean blocksModelPromote(Finding f) {
        if (f.verdict() != Decision.ROLLBACK) {
            return false;
        }
        return f.confidence() >= settings.vetoConfidence()
                || f.evidence().stream().anyMatch(e -> e.severity() == Severity.CRITICAL);
    }

    public Outcome decide(List<Finding> findings, List<AgentFailure> failures) {
        double totalWeight = 0;
        double promote = 0;
        double rollback = 0;
        for (Finding f : findings) {
            double w = settings.weight(f.agent());
            totalWeight += w;
            if (f.verdict() == Decision.PROMOTE) {
                promote += w * f.confidence();
            } else if (f.verdict() == Decision.ROLLBACK) {
                rollback += w * f.confidence();
            }
        }
        for (AgentFailure failure : failures) {
            totalWeight += settings.weight(failure.agent());
        }
        List<String> reasons = new ArrayList<>();
        findings.stream()
                .sorted(Comparator.comparing((Finding f) -> f.verdict() != Decision.ROLLBACK).thenComparing(f -> -f.confidence()))
                .forEach(f -> reasons.add(f.agent() + " voted " + f.verdict() + " (" + f.confidence() + "%): " + f.summary()));
        failures.forEach(f -> reasons.add(f.agent() + " gave no finding (" + f.reason() + "), which lowers confidence"));

        boolean criticalEvidence = findings.stream().anyMatch(this::blocksModelPromote);
        for (Finding f : findings) {
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
            double w = settings.weight(f.agent()) * settings.modelWeight();
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
        Finding veto = findings.stream()
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
                findings.size() + failures.size());
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
