package dev.canarycouncil.runtime.a2a;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.runtime.a2a.client.AgentReply;
import dev.canarycouncil.runtime.a2a.client.RemoteAgent;
import dev.canarycouncil.runtime.a2a.client.RemoteAgentException;
import dev.canarycouncil.runtime.a2a.client.TimeoutA2aHttpClient;
import io.a2a.spec.AgentCard;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our A2A client against a real hosted agent: progress, deadlines, cancellation, unreachable peers. */
class RemoteAgentTest {

    private static Vertx vertx;
    private static ToyAgent toy;
    private static ExecutorService calls;
    private static TimeoutA2aHttpClient http;
    private static RemoteAgent agent;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        toy = new ToyAgent(vertx, Duration.ofSeconds(30));
        calls = Executors.newCachedThreadPool();
        http = new TimeoutA2aHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(30));
        AgentCard card = RemoteAgent.fetchCard(http, toy.url() + "/.well-known/agent-card.json");
        agent = RemoteAgent.connect(card, http, calls);
    }

    @AfterAll
    static void stop() {
        agent.close();
        calls.shutdownNow();
        toy.close();
        vertx.close();
    }

    @Test
    void streamsProgressAndReturnsTheFinalTask() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        AgentReply reply = agent.send(
                        RemoteAgent.userMessage(List.of(new TextPart("echo over the wire")), null),
                        Duration.ofSeconds(20),
                        progress::add)
                .get(30, TimeUnit.SECONDS);
        assertTrue(reply.completed());
        assertEquals("over the wire", A2aParts.text(reply.parts()));
        assertTrue(progress.contains("thinking about over the wire"), progress::toString);
    }

    @Test
    void aMissedDeadlineFailsTheCallAndCancelsTheRemoteTask() throws Exception {
        long start = System.nanoTime();
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> agent.send(
                                RemoteAgent.userMessage(List.of(new TextPart("sleep 30000")), null),
                                Duration.ofMillis(1500),
                                null)
                        .get(30, TimeUnit.SECONDS));
        assertInstanceOf(RemoteAgentException.class, e.getCause());
        assertTrue(
                e.getCause().getMessage().contains("did not answer within"),
                e.getCause().getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 10, "the deadline was not enforced");
        assertTrue(toy.interrupted.await(10, TimeUnit.SECONDS), "the remote task was not cancelled");
    }

    @Test
    void aRejectedTaskIsAnAnswerNotAnException() throws Exception {
        AgentReply reply = agent.send(
                        RemoteAgent.userMessage(List.of(new TextPart("reject")), null), Duration.ofSeconds(20), null)
                .get(30, TimeUnit.SECONDS);
        assertEquals(TaskState.REJECTED, reply.state());
        assertTrue(reply.statusText().contains("only understand"));
    }

    @Test
    void anUnreachableCardFailsFastWithAReadableReason() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        long start = System.nanoTime();
        RemoteAgentException e = assertThrows(
                RemoteAgentException.class,
                () -> RemoteAgent.fetchCard(http, "http://127.0.0.1:" + closedPort + "/.well-known/agent-card.json"));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
    }
}
