package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.agent.Progress;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * A specialist's model review: the model gets the deterministic evidence digest, may look further
 * through the agent's read-only MCP tools, and answers a {@link ModelJudgement}. Whatever goes
 * wrong (unreachable, rate limited past the deadline, over budget, invalid answer) ends in a
 * review that says so and carries no vote: failure degrades to deterministic mode, never to a verdict.
 */
public final class ModelReviewer {

    static final int MAX_TOOL_CALLS = 4;

    interface Reviewer {
        /**
         * The whole prompt is the value of one template variable: langchain4j renders a String user
         * message as a prompt template, so evidence quoting {@code {{...}}} (a Jinja or Go template
         * in a log line) would fail the call; a variable's value is inserted as written. (A
         * {@code Content} parameter avoids the template too, but this version sends it twice.)
         */
        @UserMessage("{{prompt}}")
        Result<ModelJudgement> review(@V("prompt") String prompt);
    }

    private final String agent;
    private final String role;
    private final ModelSession session;
    private final McpToolAccess tools;
    private final long defaultBudget;

    /**
     * @param role   what this agent judges, one sentence for the system prompt
     * @param tools  the MCP tools the model may call; null for none
     */
    public ModelReviewer(String agent, String role, ModelSession session, McpToolAccess tools, long defaultBudget) {
        this.agent = agent;
        this.role = role;
        this.session = session;
        this.tools = tools;
        this.defaultBudget = defaultBudget;
    }

    public ModelReview review(AnalysisRequest request, Finding finding, Progress progress) throws InterruptedException {
        long budget = request.tokenBudget() == null ? defaultBudget : Math.min(defaultBudget, request.tokenBudget());
        progress.report("asking " + session.model() + " to review the evidence");
        ModelOutcome<ModelJudgement> outcome =
                session.run(budget, (model, fence) -> ask(model, fence, request, finding));
        if (!outcome.answered()) {
            progress.report(session.model() + " gave no usable review ("
                    + outcome.status().name().toLowerCase(java.util.Locale.ROOT) + "): " + outcome.detail()
                    + "; the finding stands on its deterministic evidence");
            return ModelReview.unusable(session.model(), outcome.status(), outcome.usage(), outcome.detail());
        }
        ModelJudgement j = outcome.value();
        progress.report(session.model() + " reviewed: " + j.verdict() + " (" + j.confidence() + "%)");
        return new ModelReview(
                session.model(),
                ModelReview.Status.ANSWERED,
                j.verdict(),
                j.confidence(),
                session.redactor().redact(j.reasoning()),
                session.redactor().redact(j.rootCause()),
                outcome.usage(),
                null);
    }

    private ModelJudgement ask(ChatModel model, UntrustedData fence, AnalysisRequest request, Finding finding) {
        AiServices<Reviewer> builder = AiServices.builder(Reviewer.class)
                .chatModel(model)
                .systemMessage(ReviewPrompts.system(agent, role, fence, tools == null ? null : tools.toolNames()));
        if (tools != null) {
            builder.toolProvider(tools.provider()).maxSequentialToolsInvocations(MAX_TOOL_CALLS);
        }
        Result<ModelJudgement> result = builder.build().review(ReviewPrompts.user(request, finding, fence));
        if (result.content() == null) {
            throw new InvalidModelAnswerException("the model returned no judgement");
        }
        return result.content().validated();
    }
}
