package dev.canarycouncil.runtime.a2a;

import dev.canarycouncil.runtime.a2a.server.A2aAgentServer;
import dev.canarycouncil.runtime.a2a.server.A2aServerSettings;
import dev.canarycouncil.runtime.agent.AgentHosting;
import dev.canarycouncil.runtime.agent.AgentOutput;
import dev.canarycouncil.runtime.agent.AgentWork;
import dev.canarycouncil.runtime.agent.InvalidInputException;
import dev.canarycouncil.runtime.http.HttpEndpoint;
import io.a2a.spec.TextPart;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A test agent hosted exactly like the real ones. Its text input is a command:
 * {@code echo X} answers X after two progress reports, {@code sleep N} works N milliseconds,
 * {@code reject} refuses the input, {@code fail} throws.
 */
final class ToyAgent implements AutoCloseable {

    final HttpEndpoint endpoint;
    final A2aAgentServer server;
    final CountDownLatch interrupted = new CountDownLatch(1);

    ToyAgent(Vertx vertx, Duration blockingTimeout) {
        endpoint = HttpEndpoint.start(vertx, "127.0.0.1", 0);
        AgentWork work = (message, progress) -> {
            String text = A2aParts.text(message.getParts()).trim();
            if (text.startsWith("echo ")) {
                progress.report("thinking about " + text.substring(5));
                progress.report("almost done");
                return new AgentOutput("echo", List.of(new TextPart(text.substring(5))));
            }
            if (text.startsWith("sleep ")) {
                try {
                    Thread.sleep(Long.parseLong(text.substring(6)));
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return new AgentOutput("slept", A2aParts.payload("toy/slept", Map.of("ms", text.substring(6)), "done"));
            }
            if (text.equals("reject")) {
                throw new InvalidInputException("toy agents only understand echo, sleep, reject and fail");
            }
            throw new IllegalStateException("asked to fail");
        };
        server = AgentHosting.host(
                endpoint.router(),
                "toy",
                endpoint.baseUrl(),
                work,
                A2aServerSettings.defaults().withBlockingTimeout(blockingTimeout));
    }

    String url() {
        return endpoint.baseUrl();
    }

    @Override
    public void close() {
        endpoint.close();
        server.close();
    }
}
