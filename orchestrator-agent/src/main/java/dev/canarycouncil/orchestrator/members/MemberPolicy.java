package dev.canarycouncil.orchestrator.members;

import java.time.Duration;

/**
 * How the council treats one member's vote.
 *
 * @param weight   multiplies the member's vote (0 keeps it in the rationale without a say)
 * @param timeout  how long the member gets per analysis before it counts as failed
 * @param mayVeto  whether its ROLLBACK at or above the veto confidence blocks promotion alone
 * @param abstains whether its INCONCLUSIVE at 0 % means "not my domain": it then neither votes nor
 *                 lowers the council's confidence. For a domain agent (a migration checker on a
 *                 release without migrations); the built-in specialists' "cannot tell" does count.
 */
public record MemberPolicy(double weight, Duration timeout, boolean mayVeto, boolean abstains) {

    public MemberPolicy(double weight, Duration timeout, boolean mayVeto) {
        this(weight, timeout, mayVeto, false);
    }

    public static MemberPolicy defaults(Duration timeout) {
        return new MemberPolicy(1.0, timeout, true);
    }
}
