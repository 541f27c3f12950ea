package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.agent.Specialist;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;

/**
 * A specialist whose deterministic finding is reviewed by a model. The finding's own verdict is
 * never changed here; the review rides along and the coordinator weighs it separately.
 */
public final class ReviewedSpecialist implements Specialist {

    private final Specialist deterministic;
    private final ModelReviewer reviewer;

    public ReviewedSpecialist(Specialist deterministic, ModelReviewer reviewer) {
        this.deterministic = deterministic;
        this.reviewer = reviewer;
    }

    @Override
    public String name() {
        return deterministic.name();
    }

    @Override
    public Finding analyze(AnalysisRequest request, Progress progress) throws Exception {
        Finding finding = deterministic.analyze(request, progress);
        return finding.withReview(reviewer.review(request, finding, progress));
    }

    @Override
    public java.util.Optional<dev.canarycouncil.runtime.schema.FollowUpAnswer> answer(
            dev.canarycouncil.runtime.schema.FollowUp question, Progress progress) throws Exception {
        return deterministic.answer(question, progress);
    }
}
