package dev.canarycouncil.orchestrator.council;

import java.time.Duration;
import java.util.Map;

/**
 * How the council weighs its members.
 *
 * @param deadline           how long specialists get to answer one analysis
 * @param issueDeadline      how long the issue writer gets after a rollback verdict
 * @param vetoConfidence     a ROLLBACK at or above this confidence blocks promotion whatever the others say
 * @param minPromoteMargin   weighted margin (0–100) PROMOTE needs over ROLLBACK; below it the answer is INCONCLUSIVE
 * @param minRollbackMargin  weighted margin ROLLBACK needs over PROMOTE when no member vetoes
 * @param weights            per-agent vote weight, default 1
 * @param modelWeight        a member's model review votes with this share of the member's weight
 * @param issueScope         which analyses file their issue; the others only draft it
 */
public record CouncilSettings(
        Duration deadline,
        Duration issueDeadline,
        int vetoConfidence,
        int minPromoteMargin,
        int minRollbackMargin,
        Map<String, Double> weights,
        double modelWeight,
        IssueScope issueScope) {

    public static final double DEFAULT_MODEL_WEIGHT = 0.5;

    public CouncilSettings {
        if (modelWeight < 0 || modelWeight > 1) {
            throw new IllegalArgumentException("model weight must be within 0..1, was " + modelWeight);
        }
        issueScope = issueScope == null ? IssueScope.CONTROLLER_ANALYSES : issueScope;
    }

    public CouncilSettings(Duration deadline, Duration issueDeadline, int vetoConfidence, int minPromoteMargin,
                           int minRollbackMargin, Map<String, Double> weights) {
        this(deadline, issueDeadline, vetoConfidence, minPromoteMargin, minRollbackMargin, weights, DEFAULT_MODEL_WEIGHT,
                IssueScope.CONTROLLER_ANALYSES);
    }

    public static CouncilSettings defaults() {
        return new CouncilSettings(Duration.ofSeconds(90), Duration.ofSeconds(30), 80, 50, 40, Map.of());
    }

    public CouncilSettings withDeadline(Duration d) {
        return new CouncilSettings(d, issueDeadline, vetoConfidence, minPromoteMargin, minRollbackMargin, weights, modelWeight, issueScope);
    }

    /**
     * Deadlines that leave room for model calls: the issue writer may spend up to {@code modelTime}
     * on its text before it drafts.
     */
    public CouncilSettings withModelTime(Duration modelTime) {
        Duration issue = issueDeadline.compareTo(modelTime.plusSeconds(15)) >= 0 ? issueDeadline : modelTime.plusSeconds(15);
        return new CouncilSettings(deadline, issue, vetoConfidence, minPromoteMargin, minRollbackMargin, weights, modelWeight, issueScope);
    }

    public CouncilSettings withModelWeight(double w) {
        return new CouncilSettings(deadline, issueDeadline, vetoConfidence, minPromoteMargin, minRollbackMargin, weights, w, issueScope);
    }

    public CouncilSettings withIssueScope(IssueScope scope) {
        return new CouncilSettings(deadline, issueDeadline, vetoConfidence, minPromoteMargin, minRollbackMargin, weights, modelWeight,
                scope);
    }

    public double weight(String agent) {
        return weights.getOrDefault(agent, 1.0);
    }
}
