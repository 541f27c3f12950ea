package dev.canarycouncil.orchestrator.chat;

import dev.canarycouncil.runtime.llm.EvidenceDigest;
import dev.canarycouncil.runtime.llm.McpToolAccess;
import dev.canarycouncil.runtime.llm.ModelOutcome;
import dev.canarycouncil.runtime.llm.ModelSession;
import dev.canarycouncil.runtime.llm.UntrustedData;
import dev.canarycouncil.runtime.schema.Finding;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import java.util.List;

/**
 * Free-text questions the grammar does not know, answered by the coordinator's model with the
 * investigation's evidence and the read-only MCP tools (logs, events, PromQL, code). Everything
 * from the system under analysis reaches it fenced as data, through the same guarded session as
 * every other model call; when the model fails, the caller falls back to the grammar's help.
 */
public final class ModelAnswers {

    /** The tools a question may need: everything the council reads, nothing that writes. */
    public static final List<String> TOOLS = List.of(
            "get_pod_logs",
            "get_pod_status",
            "list_events",
            "list_pods",
            "get_rollout_status",
            "promql_query",
            "promql_query_range",
            "search_code",
            "read_file");

    static final int MAX_TOOL_CALLS = 5;
    static final int MAX_ANSWER = 4_000;

    interface Assistant {
        /** The prompt as one template variable's value, so that it is sent as written (see ModelReviewer). */
        @UserMessage("{{prompt}}")
        String answer(@V("prompt") String prompt);
    }

    private final ModelSession session;
    private final McpToolAccess tools;
    private final long budget;

    /** @param tools the MCP tools the model may call, or null for none */
    public ModelAnswers(ModelSession session, McpToolAccess tools, long budget) {
        this.session = session;
        this.tools = tools;
        this.budget = budget;
    }

    public String model() {
        return session.model();
    }

    public ModelOutcome<String> answer(Verdict v, String question) throws InterruptedException {
        return session.run(budget, (model, fence) -> {
            AiServices<Assistant> builder =
                    AiServices.builder(Assistant.class).chatModel(model).systemMessage(system(fence));
            if (tools != null) {
                builder.toolProvider(tools.provider()).maxSequentialToolsInvocations(MAX_TOOL_CALLS);
            }
            String text = builder.build().answer(user(v, question, fence));
            if (text == null || text.isBlank()) {
                return null;
            }
            String clean = session.redactor().redact(text.strip());
            return clean.length() <= MAX_ANSWER ? clean : clean.substring(0, MAX_ANSWER) + "…";
        });
    }

    private String system(UntrustedData fence) {
        return "You are the coordinator of Canary Council, answering an SRE's question about one canary analysis. The council's "
                + "decision is settled; explain and investigate, do not re-decide. Base every statement on the findings given "
                + "or on what the read-only tools return (pod logs, pod status, events, rollout status, PromQL, code search); "
                + "say so when you do not know. Be brief: a few sentences or a short list.\n" + fence.rule();
    }

    private static String user(Verdict v, String question, UntrustedData fence) {
        StringBuilder b = new StringBuilder();
        var s = v.subject();
        if (s != null) {
            b.append("Canary ")
                    .append(s.canaryHash())
                    .append(" of rollout ")
                    .append(s.namespace())
                    .append('/')
                    .append(s.rollout())
                    .append(" against stable ")
                    .append(s.stableHash())
                    .append(", window ")
                    .append(s.window().start())
                    .append(" to ")
                    .append(s.window().end())
                    .append(".\n");
        }
        b.append("Decision: ")
                .append(v.decision())
                .append(" (")
                .append(v.confidence())
                .append("%).\n");
        for (Finding f : v.findings()) {
            b.append(EvidenceDigest.fenced(f, fence));
        }
        b.append("Root cause found:\n")
                .append(fence.fence("root-cause", v.rootCause()))
                .append('\n');
        b.append("The SRE asks: ").append(question);
        return b.toString();
    }
}
