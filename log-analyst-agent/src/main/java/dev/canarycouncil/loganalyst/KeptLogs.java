package dev.canarycouncil.loganalyst;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.canarycouncil.loganalyst.incremental.RolloutKey;
import dev.canarycouncil.loganalyst.incremental.RolloutLogs;
import dev.canarycouncil.loganalyst.incremental.TemplateSequences;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What was read of each rollout's logs, kept between the controller's calls. Bounded in number, and
 * dropped once a rollout has not been measured for a while (controllers measure every few minutes),
 * so a finished rollout costs nothing.
 */
final class KeptLogs {

    /**
     * The records mined so far, where each container's log was left, each template's evidence over
     * the calls, and what earlier calls could not read in full (it stays missing from the records).
     */
    record Kept(LogIngestion ingestion, RolloutLogs reading, TemplateSequences sequences, Set<String> gaps) {}

    static final int MAX_ROLLOUTS = 256;
    static final Duration IDLE = Duration.ofMinutes(30);

    private final Cache<RolloutKey, Kept> kept;
    private final Supplier<LogIngestion> fresh;

    KeptLogs(int maxRollouts, Duration idle, Supplier<LogIngestion> fresh) {
        this.kept = Caffeine.newBuilder()
                .maximumSize(maxRollouts)
                .expireAfterAccess(idle)
                .build();
        this.fresh = fresh;
    }

    Kept get(RolloutKey key) {
        return kept.get(key, k -> empty());
    }

    /** Forgets what was read of a rollout and starts it again from nothing. */
    Kept restart(RolloutKey key) {
        Kept again = empty();
        kept.put(key, again);
        return again;
    }

    private Kept empty() {
        LogIngestion ingestion = fresh.get();
        return new Kept(ingestion, new RolloutLogs(ingestion::read), new TemplateSequences(), new LinkedHashSet<>());
    }
}
