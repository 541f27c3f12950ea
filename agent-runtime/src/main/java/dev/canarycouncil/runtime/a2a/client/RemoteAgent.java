package dev.canarycouncil.runtime.a2a.client;

import dev.canarycouncil.runtime.a2a.A2aParts;
import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import dev.canarycouncil.runtime.a2a.auth.CardSecurity;
import dev.canarycouncil.runtime.http.Failures;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.MessageEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.http.A2ACardResolver;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfigBuilder;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one remote A2A agent, found by its card. Every call has a deadline; past it the
 * remote task is cancelled (best effort) and the call fails, so one slow agent cannot hold an
 * analysis hostage. Progress messages the agent streams are passed to a listener as they arrive.
 */
public final class RemoteAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteAgent.class);

    private final AgentCard card;
    private final Client client;
    private final Executor calls;

    private RemoteAgent(AgentCard card, Client client, Executor calls) {
        this.card = card;
        this.client = client;
        this.calls = calls;
    }

    /**
     * Fetches the card at {@code cardUrl} (the full URL of the card, or the agent's base URL).
     *
     * @throws RemoteAgentException when the card cannot be fetched or parsed
     */
    public static AgentCard fetchCard(A2AHttpClient http, String cardUrl) {
        String base = cardUrl;
        String path = null;
        int wellKnown = cardUrl.indexOf("/.well-known/");
        if (wellKnown >= 0) {
            base = cardUrl.substring(0, wellKnown);
            path = cardUrl.substring(wellKnown);
        }
        try {
            return new A2ACardResolver(http, base, path).getAgentCard();
        } catch (Exception e) {
            throw new RemoteAgentException(
                    "Could not read the agent card at " + cardUrl + ": " + Failures.describe(e), e);
        }
    }

    /**
     * @param calls runs the send itself; a blocking (non-streaming) send holds its thread until the
     *              agent answers, so the executor must allow as many threads as calls in flight
     */
    public static RemoteAgent connect(AgentCard card, A2AHttpClient http, Executor calls) {
        return connect(card, http, calls, Optional.empty());
    }

    /**
     * The same, presenting {@code secret} where the card's security scheme says (bearer token or
     * API key header).
     *
     * @throws RemoteAgentException when the card asks for a credential we do not have or a scheme
     *                              our client does not support
     */
    public static RemoteAgent connect(
            AgentCard card, A2AHttpClient http, Executor calls, Optional<AgentSecret> secret) {
        String unsupported = CardSecurity.unsupportedReason(card);
        if (unsupported != null) {
            throw new RemoteAgentException("Cannot call agent " + card.name() + ": " + unsupported);
        }
        if (CardSecurity.required(card) && secret.isEmpty()) {
            throw new RemoteAgentException("Agent " + card.name() + " requires authentication (its card declares "
                    + String.join(
                            ", ",
                            card.securitySchemes() == null
                                    ? java.util.Set.of()
                                    : card.securitySchemes().keySet())
                    + ") and no credential is configured for it");
        }
        JSONRPCTransportConfigBuilder transport = new JSONRPCTransportConfigBuilder().httpClient(http);
        if (secret.isPresent() && CardSecurity.required(card)) {
            // Sent only to an agent that asks: a secret is never offered to a peer that did not declare a scheme.
            transport.addInterceptor(CardSecurity.interceptor(secret.get()));
        }
        boolean streaming = card.capabilities() != null && card.capabilities().streaming();
        try {
            Client client = Client.builder(card)
                    .clientConfig(
                            new ClientConfig.Builder().setStreaming(streaming).build())
                    .withTransport(JSONRPCTransport.class, transport)
                    .build();
            return new RemoteAgent(card, client, calls);
        } catch (A2AClientException e) {
            throw new RemoteAgentException("Cannot talk to agent " + card.name() + ": " + e.getMessage(), e);
        }
    }

    public AgentCard card() {
        return card;
    }

    public String name() {
        return card.name();
    }

    /** A user message with the given parts, tied to {@code contextId}. */
    public static Message userMessage(List<Part<?>> parts, String contextId) {
        return new Message.Builder()
                .role(Message.Role.USER)
                .parts(parts)
                .messageId(UUID.randomUUID().toString())
                .contextId(contextId)
                .build();
    }

    /**
     * Sends {@code message} and completes with the agent's final answer, or exceptionally with a
     * {@link RemoteAgentException} on failure or when {@code deadline} passes.
     */
    public CompletableFuture<AgentReply> send(Message message, Duration deadline, Consumer<String> progress) {
        CompletableFuture<AgentReply> result = new CompletableFuture<>();
        AtomicReference<Task> latest = new AtomicReference<>();
        BiConsumer<ClientEvent, AgentCard> consumer = (event, c) -> onEvent(event, latest, result, progress);
        Consumer<Throwable> errors = failure -> {
            if (failure == null) {
                // The stream ended normally; if no final state came, the agent broke the protocol.
                Task task = latest.get();
                if (task != null && isTerminal(task.getStatus().state())) {
                    result.complete(AgentReply.of(task));
                } else {
                    result.completeExceptionally(new RemoteAgentException(
                            card.name() + " closed its event stream before the task finished"));
                }
            } else {
                result.completeExceptionally(
                        new RemoteAgentException(card.name() + " failed: " + Failures.describe(failure), failure));
            }
        };
        try {
            calls.execute(() -> {
                try {
                    client.sendMessage(message, List.of(consumer), errors, null);
                } catch (Exception e) {
                    result.completeExceptionally(
                            new RemoteAgentException(card.name() + " could not be called: " + Failures.describe(e), e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RemoteAgentException("Too many calls in flight to call " + card.name()));
        }
        return result.orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof TimeoutException) {
                cancelQuietly(latest.get());
                return CompletableFuture.failedFuture(new RemoteAgentException(
                        card.name() + " did not answer within " + deadline.toSeconds() + " s"));
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private void onEvent(
            ClientEvent event,
            AtomicReference<Task> latest,
            CompletableFuture<AgentReply> result,
            Consumer<String> progress) {
        if (event instanceof MessageEvent m) {
            result.complete(AgentReply.of(m.getMessage()));
        } else if (event instanceof TaskEvent t) {
            latest.set(t.getTask());
            if (isTerminal(t.getTask().getStatus().state())) {
                result.complete(AgentReply.of(t.getTask()));
            }
        } else if (event instanceof TaskUpdateEvent u) {
            latest.set(u.getTask());
            if (u.getUpdateEvent() instanceof TaskStatusUpdateEvent status) {
                if (status.getStatus().message() != null && progress != null) {
                    String text = A2aParts.text(status.getStatus().message().getParts());
                    if (!text.isBlank() && !isTerminal(status.getStatus().state())) {
                        progress.accept(text);
                    }
                }
                if (status.isFinal() || isTerminal(status.getStatus().state())) {
                    result.complete(AgentReply.of(u.getTask()));
                }
            }
        }
    }

    /** States after which the agent will send nothing more for this call. */
    static boolean isTerminal(TaskState state) {
        return state != null
                && (state.isFinal() || state == TaskState.INPUT_REQUIRED || state == TaskState.AUTH_REQUIRED);
    }

    private void cancelQuietly(Task task) {
        if (task == null) {
            return;
        }
        try {
            client.cancelTask(new TaskIdParams(task.getId()), null);
        } catch (Exception e) {
            LOG.debug("Cancelling task {} on {} failed: {}", task.getId(), card.name(), e.toString());
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                        || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        client.close();
    }
}
