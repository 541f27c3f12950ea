package dev.canarycouncil.runtime.agent;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.FollowUp;
import dev.canarycouncil.runtime.schema.FollowUpAnswer;
import io.a2a.spec.Message;
import java.util.Optional;

/**
 * Adapts a {@link Specialist} to A2A: reads the analysis request DataPart, returns the finding as a
 * DataPart with a text summary.
 */
public final class SpecialistWork implements AgentWork {

    private final Specialist specialist;

    public SpecialistWork(Specialist specialist) {
        this.specialist = specialist;
    }

    @Override
    public AgentOutput perform(Message message, Progress progress) throws Exception {
        Optional<FollowUp> question;
        try {
            question = A2aParts.read(message.getParts(), A2aParts.FOLLOW_UP, FollowUp.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (question.isPresent()) {
            FollowUpAnswer answer = specialist
                    .answer(question.get(), progress)
                    .orElseThrow(() -> new InvalidInputException(specialist.name() + " answers no \""
                            + question.get().topic() + "\" questions"));
            return new AgentOutput("answer", A2aParts.payload(A2aParts.FOLLOW_UP_ANSWER, answer, answer.text()));
        }
        AnalysisRequest request = readRequest(message);
        Finding finding = specialist.analyze(request, progress);
        String summary =
                finding.agent() + ": " + finding.verdict() + " (" + finding.confidence() + "%) " + finding.summary();
        return new AgentOutput("finding", A2aParts.payload(A2aParts.FINDING, finding, summary));
    }

    static AnalysisRequest readRequest(Message message) {
        try {
            return A2aParts.read(message.getParts(), A2aParts.ANALYSIS_REQUEST, AnalysisRequest.class)
                    .orElseThrow(() -> new InvalidInputException("Expected a DataPart with metadata kind="
                            + A2aParts.ANALYSIS_REQUEST + " describing the canary to analyse"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }
}
