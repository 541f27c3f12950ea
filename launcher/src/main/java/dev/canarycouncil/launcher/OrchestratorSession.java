package dev.canarycouncil.launcher;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Part;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One conversation with a running orchestrator over A2A: an analysis, whose context then carries
 * follow-up questions. Progress streams to the given consumer as the agents work.
 */
final class OrchestratorSession implements AutoCloseable {

    private final ExecutorService calls;
    private final RemoteAgent orchestrator;
    private final Duration timeout;
    private String contextId;

    private OrchestratorSession(ExecutorService calls, RemoteAgent orchestrator, Duration timeout) {
        this.calls = calls;
        this.orchestrator = orchestrator;
        this.timeout = timeout;
    }

    static OrchestratorSession connect(String orchestratorUrl, Duration timeout) {
        return connect(orchestratorUrl, timeout, Optional.empty());
    }

    /** @param secret presented if the orchestrator's card declares a security scheme */
    static OrchestratorSession connect(String orchestratorUrl, Duration timeout, Optional<AgentSecret> secret) {
        TimeoutA2aHttpClient http = new TimeoutA2aHttpClient(Duration.ofSeconds(5), timeout);
        ExecutorService calls = Executors.newCachedThreadPool(DaemonThreads.named("orchestrator-session"));
        try {
            AgentCard card = RemoteAgent.fetchCard(http, orchestratorUrl + "/.well-known/agent-card.json");
            return new OrchestratorSession(calls, RemoteAgent.connect(card, http, calls, secret), timeout);
        } catch (RuntimeException e) {
            calls.shutdownNow();
            throw e;
        }
    }

    Verdict analyze(AnalysisTarget target, Consumer<String> progress) throws InterruptedException {
        AgentReply reply = send(
                A2aParts.payload(
                        A2aParts.ANALYSIS_TARGET,
                        target,
                        "Judge canary " + target.podName() + " in " + target.namespace()),
                progress,
                "the analysis");
        contextId = reply.task() == null ? null : reply.task().getContextId();
        return A2aParts.read(reply.parts(), A2aParts.VERDICT, Verdict.class)
                .orElseThrow(() -> new IllegalStateException("the orchestrator answered without a verdict"));
    }

    /** A follow-up question in the analysis's context; the answer's text. */
    String ask(String question, Consumer<String> progress) throws InterruptedException {
        if (contextId == null) {
            throw new IllegalStateException("ask after an analysis: questions belong to its conversation");
        }
        AgentReply reply = send(List.of(new TextPart(question)), progress, "the answer");
        return A2aParts.text(reply.parts());
    }

    private AgentReply send(List<Part<?>> parts, Consumer<String> progress, String what) throws InterruptedException {
        try {
            AgentReply reply = orchestrator
                    .send(RemoteAgent.userMessage(parts, contextId), timeout, progress)
                    .get();
            if (reply.state() == TaskState.REJECTED) {
                throw new UsageException(reply.statusText());
            }
            if (!reply.completed()) {
                throw new IllegalStateException(
                        "the orchestrator ended " + what + " " + reply.state().asString() + ": " + reply.statusText());
            }
            return reply;
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        orchestrator.close();
        calls.shutdownNow();
    }
}
