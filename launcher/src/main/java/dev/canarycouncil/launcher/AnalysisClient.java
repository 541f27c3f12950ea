package dev.canarycouncil.launcher;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import dev.canarycouncil.runtime.schema.Verdict;
import io.a2a.spec.AgentCard;
import io.a2a.spec.TaskState;

/** Asks a running orchestrator for a verdict over A2A, streaming its progress. */
final class AnalysisClient {

    private AnalysisClient() {
    }

    static Verdict analyze(String orchestratorUrl, AnalysisTarget target, Duration timeout, Consumer<String> progress)
            throws InterruptedException {
        TimeoutA2aHttpClient http = new TimeoutA2aHttpClient(Duration.ofSeconds(5), timeout);
        ExecutorService calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "analysis-client");
            t.setDaemon(true);
            return t;
        });
        AgentCard card = RemoteAgent.fetchCard(http, orchestratorUrl + "/.well-known/agent-card.json");
        try (RemoteAgent orchestrator = RemoteAgent.connect(card, http, calls)) {
            AgentReply reply = orchestrator.send(RemoteAgent.userMessage(A2aParts.payload(A2aParts.ANALYSIS_TARGET, target,
                    "Judge canary " + target.podName() + " in " + target.namespace()), null), timeout, progress).get();
            if (reply.state() == TaskState.REJECTED) {
                throw new UsageException(reply.statusText());
            }
            if (!reply.completed()) {
                throw new IllegalStateException("the orchestrator ended the analysis " + reply.state().asString()
                        + ": " + reply.statusText());
            }
            return A2aParts.read(reply.parts(), A2aParts.VERDICT, Verdict.class)
                    .orElseThrow(() -> new IllegalStateException("the orchestrator answered without a verdict"));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e);
        } finally {
            calls.shutdownNow();
        }
    }
}
