package dev.canarycouncil.orchestrator.members;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A member as configured: where its card is and how the council treats it. Null settings take the
 * council's defaults ({@link MemberPolicy}).
 *
 * @param cardUrl  the agent card's URL, or the agent's base URL
 * @param weight   its vote's weight (default 1)
 * @param timeout  how long it gets per analysis (default: the council's deadline)
 * @param veto     whether its confident ROLLBACK alone blocks promotion (default true)
 * @param secret   what to present when its card declares a security scheme, if anything
 * @param origin   where the entry came from (a file, --member, a Service), for messages
 * @param problem  why the entry cannot be used (e.g. a Service's malformed annotation); empty when it can
 * @param abstain  whether an INCONCLUSIVE finding at 0 % from it is an abstention (default false)
 */
public record MemberEntry(
        String cardUrl,
        Double weight,
        Duration timeout,
        Boolean veto,
        Optional<AgentSecret> secret,
        String origin,
        Optional<String> problem,
        Boolean abstain) {

    public MemberEntry {
        Objects.requireNonNull(cardUrl, "cardUrl");
        secret = secret == null ? Optional.empty() : secret;
        problem = problem == null ? Optional.empty() : problem;
        if (weight != null && (weight < 0 || weight.isNaN() || weight.isInfinite())) {
            throw new IllegalArgumentException("weight of " + cardUrl + " must be a number >= 0, was " + weight);
        }
    }

    /** A usable entry without a credential or an abstention rule. */
    public MemberEntry(String cardUrl, Double weight, Duration timeout, Boolean veto, String origin) {
        this(cardUrl, weight, timeout, veto, Optional.empty(), origin, Optional.empty(), null);
    }

    /** A member with the defaults, e.g. from {@code --member URL}. */
    public static MemberEntry of(String cardUrl, String origin) {
        return new MemberEntry(cardUrl, null, null, null, origin);
    }

    /** An entry that names a member but cannot be used; the member shows as unavailable with the reason. */
    public static MemberEntry unusable(String cardUrl, String origin, String problem) {
        return new MemberEntry(cardUrl, null, null, null, Optional.empty(), origin, Optional.of(problem), null);
    }

    public MemberEntry withSecret(AgentSecret s) {
        return withSecret(Optional.of(s));
    }

    public MemberEntry withSecret(Optional<AgentSecret> s) {
        return new MemberEntry(cardUrl, weight, timeout, veto, s, origin, problem, abstain);
    }

    /** The settings in force: this entry's where given, the council's otherwise. */
    public MemberPolicy policy(Duration defaultTimeout) {
        return new MemberPolicy(
                weight == null ? 1.0 : weight,
                timeout == null ? defaultTimeout : timeout,
                veto == null || veto,
                abstain != null && abstain);
    }
}
