package dev.canarycouncil.orchestrator.council;

import dev.canarycouncil.runtime.schema.AgentFailure;
import dev.canarycouncil.runtime.schema.BlindSpot;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.canarycouncil.runtime.schema.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Weighs the members' findings into one decision.
 *
 * <p>Each finding votes with weight x confidence. The margin is (promote - rollback) over the
 * weight of every member asked, so a member that failed or timed out lowers the confidence
 * of whatever the others decide. A PROMOTE needs a clear margin; a confident ROLLBACK from any
 * member vetoes promotion outright, because shipping a broken release costs more than pausing
 * a good one. With no usable evidence the answer is INCONCLUSIVE, never a silent promote.
 *
 * <p>Models' reviews are lighter votes on top, and bounded by the deterministic members: the
 * verdict is PROMOTE only when the deterministic findings alone would promote, and ROLLBACK only
 * when they alone would roll back; a model can hold a promotion back, never create one or a
 * rollback. A member with no source of its kind at all (no metrics configured) abstains: it does
 * not lower the margin, but the verdict's confidence is capped and what was not seen is named.
 */
public final class VerdictAggregator {

    /** A verdict reached while a whole kind of evidence was missing is never surer than this. */
    public static final int MAX_CONFIDENCE_WITH_A_SOURCE_MISSING = 75;

    /** The decision, how sure it is, and why. */
    public record Outcome(Decision decision, int confidence, String rationale) {}

    private final CouncilSettings settings;

    public VerdictAggregator(CouncilSettings settings) {
        this.settings = settings;
    }

    /** Findings counted by their confidence, each member weighted as the settings say, failures likewise. */
    public Outcome decide(List<Finding> findings, List<AgentFailure> failures) {
        List<Ballot> ballots = findings.stream()
                .map(f -> new Ballot(f, settings.weight(f.agent()), f.confidence(), true, null))
                .toList();
        return decide(ballots, failures, failure -> settings.weight(failure.agent()));
    }

    /**
     * @param failureWeight how much each member that gave no finding would have weighed: its absence
     *                      lowers the margin by that much
     */
    public Outcome decide(
            List<Ballot> ballots, List<AgentFailure> failures, ToDoubleFunction<AgentFailure> failureWeight) {
        List<String> reasons = new ArrayList<>();
        ballots.stream()
                .sorted(Comparator.comparing((Ballot b) -> b.finding().verdict() != Decision.ROLLBACK)
                        .thenComparing(b -> -b.finding().confidence()))
                .forEach(b -> reasons.add(describe(b)));
        failures.forEach(
                f -> reasons.add(f.agent() + " gave no finding (" + f.reason() + "), which lowers confidence"));

        Tally evidence = tally(ballots, failures, failureWeight);
        Outcome deterministic = weigh(evidence, ballots, reasons);
        Outcome outcome = deterministic;
        if (ballots.stream()
                .anyMatch(b ->
                        b.finding().review() != null && b.finding().review().answered())) {
            List<String> withModels = new ArrayList<>(reasons);
            Tally all = evidence;
            for (ModelVote vote : modelVotes(ballots)) {
                withModels.add(vote.reason());
                all = all.plus(vote);
            }
            outcome = bound(weigh(all, ballots, withModels), deterministic);
        }
        return withBlindSpots(outcome, ballots);
    }

    /** The sums a decision is read from. */
    private record Tally(double total, double promote, double rollback, long members) {

        Tally plus(ModelVote vote) {
            return new Tally(total + vote.weight(), promote + vote.promote(), rollback + vote.rollback(), members);
        }
    }

    /** A model's review as a lighter vote: what it adds to the tally, and how the rationale tells it. */
    private record ModelVote(double weight, double promote, double rollback, String reason) {}

    private static Tally tally(
            List<Ballot> ballots, List<AgentFailure> failures, ToDoubleFunction<AgentFailure> failureWeight) {
        double total = 0;
        double promote = 0;
        double rollback = 0;
        for (Ballot b : ballots) {
            if (b.abstained()) {
                continue;
            }
            total += b.weight();
            if (b.finding().verdict() == Decision.PROMOTE) {
                promote += b.weight() * b.strength();
            } else if (b.finding().verdict() == Decision.ROLLBACK) {
                rollback += b.weight() * b.strength();
            }
        }
        for (AgentFailure failure : failures) {
            total += failureWeight.applyAsDouble(failure);
        }
        long members = ballots.stream().filter(b -> !b.abstained()).count() + failures.size();
        return new Tally(total, promote, rollback, members);
    }

    /** Each answered review as a vote; a PROMOTE against critical deterministic evidence counts nothing. */
    private List<ModelVote> modelVotes(List<Ballot> ballots) {
        boolean criticalEvidence =
                ballots.stream().filter(Ballot::mayVeto).map(Ballot::finding).anyMatch(this::blocksModelPromote);
        List<ModelVote> votes = new ArrayList<>();
        for (Ballot b : ballots) {
            Finding f = b.finding();
            ModelReview review = f.review();
            if (review == null || !review.answered()) {
                continue;
            }
            String who = f.agent() + "'s model " + review.model();
            if (review.verdict() == Decision.PROMOTE && criticalEvidence) {
                votes.add(
                        new ModelVote(
                                0,
                                0,
                                0,
                                who + " voted PROMOTE (" + review.confidence() + "%), overruled: "
                                        + "deterministic critical evidence or a confident rollback forbids a model-driven promotion"));
                continue;
            }
            double w = b.weight() * settings.modelWeight();
            double promote = review.verdict() == Decision.PROMOTE ? w * review.confidence() : 0;
            double rollback = review.verdict() == Decision.ROLLBACK ? w * review.confidence() : 0;
            votes.add(new ModelVote(
                    w,
                    promote,
                    rollback,
                    who + " voted " + review.verdict() + " (" + review.confidence() + "%, weight "
                            + String.format(Locale.ROOT, "%.2f", w) + "): " + review.reasoning()));
        }
        return votes;
    }

    private Outcome weigh(Tally t, List<Ballot> ballots, List<String> reasons) {
        // Only deterministic findings veto: a model, however sure, is one lighter vote.
        Finding veto = ballots.stream()
                .filter(b -> b.mayVeto() && b.weight() > 0)
                .map(Ballot::finding)
                .filter(f -> f.verdict() == Decision.ROLLBACK && f.confidence() >= settings.vetoConfidence())
                .max(Comparator.comparingInt(Finding::confidence))
                .orElse(null);
        if (veto != null) {
            double promoteShare = t.total() == 0 ? 0 : t.promote() / t.total() / 100;
            int confidence =
                    (int) Math.round(Math.max(settings.vetoConfidence(), veto.confidence() - 15 * promoteShare));
            return new Outcome(
                    Decision.ROLLBACK,
                    Math.min(100, confidence),
                    "ROLLBACK: " + veto.agent() + "'s rollback at "
                            + veto.confidence() + "% meets the veto threshold of " + settings.vetoConfidence() + "%. "
                            + String.join("; ", reasons) + ".");
        }
        if (t.promote() == 0 && t.rollback() == 0) {
            String why = ballots.isEmpty()
                    ? "no member gave a usable finding"
                    : "no member found enough evidence either way";
            return new Outcome(
                    Decision.INCONCLUSIVE,
                    0,
                    "INCONCLUSIVE: " + why + (reasons.isEmpty() ? "" : ". " + String.join("; ", reasons)) + ".");
        }
        double margin = (t.promote() - t.rollback()) / t.total();
        int confidence = (int) Math.round(Math.min(100, Math.abs(margin)));
        String weighed = String.format(Locale.ROOT, "weighted margin %+.0f over %d member(s)", margin, t.members());
        if (margin >= settings.minPromoteMargin()) {
            return new Outcome(
                    Decision.PROMOTE, confidence, "PROMOTE: " + weighed + ". " + String.join("; ", reasons) + ".");
        }
        if (-margin >= settings.minRollbackMargin()) {
            return new Outcome(
                    Decision.ROLLBACK, confidence, "ROLLBACK: " + weighed + ". " + String.join("; ", reasons) + ".");
        }
        return new Outcome(
                Decision.INCONCLUSIVE,
                confidence,
                "INCONCLUSIVE: " + weighed + " is below the "
                        + (margin >= 0
                                ? settings.minPromoteMargin() + " needed to promote"
                                : settings.minRollbackMargin() + " needed to roll back")
                        + ". " + String.join("; ", reasons) + ".");
    }

    /**
     * The verdict with the models' votes, kept within what the deterministic members decide alone:
     * no PROMOTE they would not give, no ROLLBACK they would not give (a model's doubt holds a
     * promotion back as INCONCLUSIVE instead).
     */
    private static Outcome bound(Outcome withModels, Outcome deterministic) {
        if (withModels.decision() == deterministic.decision() || withModels.decision() == Decision.INCONCLUSIVE) {
            return withModels;
        }
        String decided = "the deterministic members alone decide " + deterministic.decision() + " ("
                + deterministic.confidence() + "%)";
        if (withModels.decision() == Decision.PROMOTE) {
            return new Outcome(
                    deterministic.decision(),
                    deterministic.confidence(),
                    deterministic.decision() + ": "
                            + decided + ", and models' votes cannot promote what the evidence engines did not. "
                            + body(withModels.rationale()));
        }
        Decision held = deterministic.decision() == Decision.PROMOTE ? Decision.INCONCLUSIVE : deterministic.decision();
        return new Outcome(
                held,
                held == deterministic.decision() ? deterministic.confidence() : withModels.confidence(),
                held + ": " + decided + "; models' votes for ROLLBACK can hold the canary, not roll it back. "
                        + body(withModels.rationale()));
    }

    /** The rationale after its leading decision word. */
    private static String body(String rationale) {
        int colon = rationale.indexOf(": ");
        return colon < 0 ? rationale : rationale.substring(colon + 2);
    }

    /**
     * Names what the council could not see, and caps the confidence of a verdict reached with a whole
     * kind of evidence missing (a member with no source abstained).
     */
    private static Outcome withBlindSpots(Outcome o, List<Ballot> ballots) {
        Set<String> unseen = new LinkedHashSet<>();
        for (Ballot b : ballots) {
            for (BlindSpot spot : b.finding().blindSpots()) {
                unseen.add(spot.describe() + " (" + b.agent() + ")");
            }
        }
        if (unseen.isEmpty()) {
            return o;
        }
        List<String> missing = ballots.stream()
                .filter(b -> b.finding().abstains())
                .map(b -> b.finding().blindSpots().stream()
                        .filter(s -> s.kind() == BlindSpot.Kind.NOT_CONFIGURED)
                        .map(BlindSpot::subject)
                        .findFirst()
                        .orElse(b.agent()))
                .distinct()
                .toList();
        int confidence = o.confidence();
        String capped = "";
        if (!missing.isEmpty()
                && o.decision() != Decision.INCONCLUSIVE
                && confidence > MAX_CONFIDENCE_WITH_A_SOURCE_MISSING) {
            confidence = MAX_CONFIDENCE_WITH_A_SOURCE_MISSING;
            capped = " Confidence is capped at " + MAX_CONFIDENCE_WITH_A_SOURCE_MISSING
                    + "% because this was decided without " + String.join(" and ", missing) + ".";
        } else if (!missing.isEmpty()) {
            capped = " Decided without " + String.join(" and ", missing) + ".";
        }
        return new Outcome(
                o.decision(), confidence, o.rationale() + " Not seen: " + String.join("; ", unseen) + "." + capped);
    }

    private static String describe(Ballot b) {
        Finding f = b.finding();
        if (b.abstained()) {
            return f.agent() + " abstained (" + (f.abstains() ? "nothing to judge from" : "not its domain") + "): "
                    + f.summary();
        }
        StringBuilder s = new StringBuilder(f.agent())
                .append(" voted ")
                .append(f.verdict())
                .append(" (")
                .append(f.confidence())
                .append('%');
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
}
