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
 * @param links              where a finished analysis can be opened, carried in its verdict
 * @param closeVerifiedIssues whether an issue whose fix a promoted canary verified is closed (else only labelled)
 */
public record CouncilSettings(
        Duration deadline,
        Duration issueDeadline,
        int vetoConfidence,
        int minPromoteMargin,
        int minRollbackMargin,
        Map<String, Double> weights,
        double modelWeight,
        IssueScope issueScope,
        AnalysisLinks links,
        boolean closeVerifiedIssues) {

    public static final double DEFAULT_MODEL_WEIGHT = 0.5;

    public CouncilSettings {
        if (modelWeight < 0 || modelWeight > 1) {
            throw new IllegalArgumentException("model weight must be within 0..1, was " + modelWeight);
        }
        issueScope = issueScope == null ? IssueScope.CONTROLLER_ANALYSES : issueScope;
        links = links == null ? AnalysisLinks.NONE : links;
    }

    public static CouncilSettings defaults() {
        return new Builder().build();
    }

    public Builder toBuilder() {
        return new Builder()
                .deadline(deadline)
                .issueDeadline(issueDeadline)
                .vetoConfidence(vetoConfidence)
                .minPromoteMargin(minPromoteMargin)
                .minRollbackMargin(minRollbackMargin)
                .weights(weights)
                .modelWeight(modelWeight)
                .issueScope(issueScope)
                .links(links)
                .closeVerifiedIssues(closeVerifiedIssues);
    }

    public CouncilSettings withDeadline(Duration d) {
        return toBuilder().deadline(d).build();
    }

    /**
     * Deadlines that leave room for model calls: the issue writer may spend up to {@code modelTime}
     * on its text before it drafts.
     */
    public CouncilSettings withModelTime(Duration modelTime) {
        Duration issue =
                issueDeadline.compareTo(modelTime.plusSeconds(15)) >= 0 ? issueDeadline : modelTime.plusSeconds(15);
        return toBuilder().issueDeadline(issue).build();
    }

    public CouncilSettings withModelWeight(double w) {
        return toBuilder().modelWeight(w).build();
    }

    public CouncilSettings withIssueScope(IssueScope scope) {
        return toBuilder().issueScope(scope).build();
    }

    public double weight(String agent) {
        return weights.getOrDefault(agent, 1.0);
    }

    /** Named settings, starting from the defaults: 90 s for members, 30 s for the issue writer, veto at 80 %. */
    public static final class Builder {
        private Duration deadline = Duration.ofSeconds(90);
        private Duration issueDeadline = Duration.ofSeconds(30);
        private int vetoConfidence = 80;
        private int minPromoteMargin = 50;
        private int minRollbackMargin = 40;
        private Map<String, Double> weights = Map.of();
        private double modelWeight = DEFAULT_MODEL_WEIGHT;
        private IssueScope issueScope = IssueScope.CONTROLLER_ANALYSES;
        private AnalysisLinks links = AnalysisLinks.NONE;
        private boolean closeVerifiedIssues;

        public Builder deadline(Duration value) {
            this.deadline = value;
            return this;
        }

        public Builder issueDeadline(Duration value) {
            this.issueDeadline = value;
            return this;
        }

        public Builder vetoConfidence(int value) {
            this.vetoConfidence = value;
            return this;
        }

        public Builder minPromoteMargin(int value) {
            this.minPromoteMargin = value;
            return this;
        }

        public Builder minRollbackMargin(int value) {
            this.minRollbackMargin = value;
            return this;
        }

        public Builder weights(Map<String, Double> value) {
            this.weights = value;
            return this;
        }

        public Builder modelWeight(double value) {
            this.modelWeight = value;
            return this;
        }

        public Builder issueScope(IssueScope value) {
            this.issueScope = value;
            return this;
        }

        public Builder links(AnalysisLinks value) {
            this.links = value;
            return this;
        }

        public Builder closeVerifiedIssues(boolean value) {
            this.closeVerifiedIssues = value;
            return this;
        }

        public CouncilSettings build() {
            return new CouncilSettings(
                    deadline,
                    issueDeadline,
                    vetoConfidence,
                    minPromoteMargin,
                    minRollbackMargin,
                    Map.copyOf(weights),
                    modelWeight,
                    issueScope,
                    links,
                    closeVerifiedIssues);
        }
    }
}
