package dev.canarycouncil.orchestrator.gate.flagger;

import dev.canarycouncil.orchestrator.gate.GateAnswer;

/**
 * The body of a webhook answer. Flagger reads only the status, but puts the body of a failed
 * call into its events and logs, so {@code reason} says in one line what the answer does.
 *
 * @param hook      the hook type answered
 * @param succeeded whether the status is 2xx
 * @param reason    e.g. "promotion held: INCONCLUSIVE (55 %) …"
 * @param verdict   the analysis behind the answer
 */
public record FlaggerAnswer(String hook, boolean succeeded, String reason, GateAnswer verdict) {}
