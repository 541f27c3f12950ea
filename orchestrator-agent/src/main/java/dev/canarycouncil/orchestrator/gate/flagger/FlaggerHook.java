package dev.canarycouncil.orchestrator.gate.flagger;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Flagger webhook types the council answers, one URL each: Flagger does not say in its payload
 * which type of hook calls. Flagger reads any status from 200 to 202 as success, anything else as
 * failure, and what success means differs by type, hence one rule per hook (docs/controllers.md).
 */
public enum FlaggerHook {

    /** Before traffic reaches the canary; a failure counts a failed check: only a ROLLBACK objects. */
    PRE_ROLLOUT("pre-rollout", Rule.OBJECT_TO_ROLLBACK),
    /** At every analysis interval; a failure counts a failed check: only a ROLLBACK objects. */
    ROLLOUT("rollout", Rule.OBJECT_TO_ROLLBACK),
    /** Before promotion; a failure holds the canary at full weight: only a PROMOTE lets it through. */
    CONFIRM_PROMOTION("confirm-promotion", Rule.PASS_ONLY_PROMOTE),
    /** At every interval while progressing or waiting; a success rolls back at once: only a ROLLBACK succeeds. */
    ROLLBACK("rollback", Rule.SUCCEED_ON_ROLLBACK),
    /** After promotion or rollback; Flagger ignores the answer, the council only notes it. */
    POST_ROLLOUT("post-rollout", Rule.ACKNOWLEDGE);

    /** What a success (2xx) means to Flagger for a hook type. */
    private enum Rule {
        OBJECT_TO_ROLLBACK,
        PASS_ONLY_PROMOTE,
        SUCCEED_ON_ROLLBACK,
        ACKNOWLEDGE
    }

    private final String path;
    private final Rule rule;

    FlaggerHook(String path, Rule rule) {
        this.path = path;
        this.rule = rule;
    }

    /** The last path segment, Flagger's name for the hook type. */
    public String path() {
        return path;
    }

    public static Optional<FlaggerHook> ofPath(String path) {
        return Arrays.stream(values()).filter(h -> h.path.equals(path)).findFirst();
    }

    /** False for a hook whose answer Flagger ignores: no analysis is run for it. */
    public boolean judges() {
        return rule != Rule.ACKNOWLEDGE;
    }

    /** Whether this hook answers 2xx to a verdict. */
    public boolean succeeds(Decision decision) {
        return switch (rule) {
            case OBJECT_TO_ROLLBACK -> decision != Decision.ROLLBACK;
            case PASS_ONLY_PROMOTE -> decision == Decision.PROMOTE;
            case SUCCEED_ON_ROLLBACK -> decision == Decision.ROLLBACK;
            case ACKNOWLEDGE -> true;
        };
    }

    /**
     * Whether this hook answers 2xx while the analysis still runs: no evidence yet is no objection
     * to a traffic step, but never a promotion or a rollback.
     */
    public boolean succeedsWhileRunning() {
        return rule == Rule.OBJECT_TO_ROLLBACK || rule == Rule.ACKNOWLEDGE;
    }

    /** What the answer does to the canary, for Flagger's events and the person reading them. */
    public String effect(boolean succeeded) {
        return switch (rule) {
            case OBJECT_TO_ROLLBACK -> succeeded ? "no objection" : "a failed check";
            case PASS_ONLY_PROMOTE -> succeeded ? "promotion confirmed" : "promotion held";
            case SUCCEED_ON_ROLLBACK -> succeeded ? "roll back now" : "no rollback";
            case ACKNOWLEDGE -> "noted";
        };
    }
}
