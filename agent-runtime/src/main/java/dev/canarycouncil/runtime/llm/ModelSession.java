package dev.canarycouncil.runtime.llm;

import dev.canarycouncil.runtime.concurrent.DaemonThreads;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.ModelReview;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's access to its model. Each {@link #run} gets a fresh token budget and data fence, a
 * guarded model, and a wall-clock limit; every failure becomes an outcome that says why, so
 * callers fall back to their deterministic text or vote instead of guessing.
 */
public final class ModelSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSession.class);

    private final String agent;
    private final ModelSettings settings;
    private final ChatModel model;
    private final Redactor redactor;
    private final Duration timeout;
    private final ExecutorService executor;

    /** @param schemaInRequests whether JSON schemas travel in requests (false when tools are offered to an old Gemini) */
    public ModelSession(
            String agent, ModelSettings settings, boolean schemaInRequests, Duration timeout, Redactor redactor) {
        this(agent, settings, schemaInRequests, timeout, redactor, null);
    }

    /** @param tape records the live model's replies, or replays recorded ones; null for neither */
    public ModelSession(
            String agent,
            ModelSettings settings,
            boolean schemaInRequests,
            Duration timeout,
            Redactor redactor,
            ModelTape tape) {
        this.agent = agent;
        this.settings = settings;
        if (settings.provider() == ModelProvider.REPLAY && (tape == null || tape.mode() != ModelTape.Mode.REPLAY)) {
            throw new ModelConfigException(
                    "the replay model answers from a recording's model-replies; it needs a recording");
        }
        this.model = tape == null
                ? ChatModels.build(settings, schemaInRequests)
                : tape.wrap(
                        agent,
                        tape.mode() == ModelTape.Mode.REPLAY ? null : ChatModels.build(settings, schemaInRequests));
        this.redactor = redactor;
        this.timeout = timeout;
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named(agent + "-model"));
    }

    public String model() {
        return settings.describe();
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * @param budgetTokens tokens this run may spend; 0 or less answers OVER_BUDGET without calling
     * @param work         builds the prompt with the fence and calls the guarded model
     */
    public <T> ModelOutcome<T> run(long budgetTokens, BiFunction<ChatModel, UntrustedData, T> work)
            throws InterruptedException {
        // A budget arrives over A2A: a negative one is spent, not a reason to lose the finding.
        TokenBudget budget = new TokenBudget(Math.max(0, budgetTokens));
        if (budgetTokens <= 0) {
            return unusable(
                    ModelReview.Status.OVER_BUDGET, budget, "no tokens left in the analysis' budget for " + agent);
        }
        UntrustedData fence = UntrustedData.fresh();
        GuardedChatModel guarded = new GuardedChatModel(model, redactor, budget, fence);
        CompletableFuture<T> call = CompletableFuture.supplyAsync(() -> work.apply(guarded, fence), executor);
        try {
            T value = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (value == null) {
                return unusable(ModelReview.Status.REJECTED, budget, "the model returned no answer");
            }
            return new ModelOutcome<>(value, ModelReview.Status.ANSWERED, budget.spent(), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return unusable(
                    ModelReview.Status.TIMED_OUT, budget, "the model took longer than " + timeout.toMillis() + " ms");
        } catch (ExecutionException | CancellationException e) {
            Throwable root = ModelFailures.classify(e.getCause() == null ? e : e.getCause());
            if (root instanceof TokenBudgetExceededException) {
                return unusable(ModelReview.Status.OVER_BUDGET, budget, root.getMessage());
            }
            if (root instanceof InvalidModelAnswerException || ModelFailures.isParsingFailure(root)) {
                return unusable(
                        ModelReview.Status.REJECTED,
                        budget,
                        "the model's answer was unusable: " + ModelFailures.describe(root));
            }
            return unusable(ModelReview.Status.FAILED, budget, ModelFailures.describe(root));
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        }
    }

    private <T> ModelOutcome<T> unusable(ModelReview.Status status, TokenBudget budget, String detail) {
        String safe = redactor.redact(detail);
        LOG.warn("{}: {} gave no usable answer ({}): {}", agent, model(), status, safe);
        return new ModelOutcome<>(null, status, budget.spent(), safe);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
