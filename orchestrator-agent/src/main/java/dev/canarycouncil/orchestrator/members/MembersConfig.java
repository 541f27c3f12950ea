package dev.canarycouncil.orchestrator.members;

import java.time.Duration;
import java.util.List;

/**
 * Who sits on the council and how it is kept current.
 *
 * @param members    configured members (flags, environment, members file)
 * @param discovery  Kubernetes Services to discover members from; null for none
 * @param refresh    how often a member's card is read again (a redeployed agent may change skills or scheme)
 */
public record MembersConfig(List<MemberEntry> members, ServiceDiscoverySpec discovery, Duration refresh) {

    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);

    public MembersConfig {
        members = List.copyOf(members);
        refresh = refresh == null ? DEFAULT_REFRESH : refresh;
    }

    /** Members by card URL with default settings. */
    public static MembersConfig of(List<String> cardUrls) {
        return new MembersConfig(
                cardUrls.stream().map(u -> MemberEntry.of(u, "--member")).toList(), null, DEFAULT_REFRESH);
    }

    /** This config with {@code more} members added after the configured ones. */
    public MembersConfig plus(List<MemberEntry> more) {
        List<MemberEntry> all = new java.util.ArrayList<>(members);
        all.addAll(more);
        return new MembersConfig(all, discovery, refresh);
    }
}
