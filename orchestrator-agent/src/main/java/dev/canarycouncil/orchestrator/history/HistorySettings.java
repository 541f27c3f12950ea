package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.runtime.a2a.auth.AgentSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the analysis history lives and how long it keeps analyses.
 *
 * @param kind      the embedded H2 (a file in a data directory, or memory only) or PostgreSQL
 * @param jdbcUrl   the database; for H2 in PostgreSQL mode, so one set of migrations serves both
 * @param user      the database user
 * @param password  the user's password, when the database asks for one
 * @param retention analyses older than this are deleted
 */
public record HistorySettings(
        Kind kind, String jdbcUrl, String user, Optional<AgentSecret> password, Duration retention) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    /** H2's PostgreSQL mode, lower-case names and PostgreSQL's NULL ordering: the migrations are written once. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Which database. */
    public enum Kind {
        /** H2 in a data directory: kept across restarts, no server to run. */
        EMBEDDED,
        /** H2 in memory: gone with the process (one-off analyses, eval). */
        IN_MEMORY,
        /** A PostgreSQL server: production, and several orchestrators sharing one history. */
        POSTGRESQL
    }

    public HistorySettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? Optional.empty() : password;
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the history's retention must be positive, was " + retention);
        }
    }

    /** The history in {@code dataDir}/history.mv.db. */
    public static HistorySettings embedded(Path dataDir, Duration retention) {
        String path = dataDir.toAbsolutePath().resolve("history").toString().replace('\\', '/');
        return new HistorySettings(
                Kind.EMBEDDED, "jdbc:h2:file:" + path + H2_MODE, "council", Optional.empty(), retention);
    }

    /** A history of this process only. */
    public static HistorySettings inMemory() {
        return new HistorySettings(
                Kind.IN_MEMORY,
                "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_MODE,
                "council",
                Optional.empty(),
                DEFAULT_RETENTION);
    }

    /** @param jdbcUrl {@code jdbc:postgresql://host:5432/database} */
    public static HistorySettings postgresql(
            String jdbcUrl, String user, Optional<AgentSecret> password, Duration retention) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "the history URL must be jdbc:postgresql://host[:port]/database, was '" + jdbcUrl + "'");
        }
        return new HistorySettings(Kind.POSTGRESQL, jdbcUrl, user, password, retention);
    }

    /** The database as logs and the page name it: never the password. */
    public String describe() {
        return switch (kind) {
            case EMBEDDED ->
                "embedded H2 at " + jdbcUrl.substring("jdbc:h2:file:".length(), jdbcUrl.indexOf(';')) + ".mv.db";
            case IN_MEMORY -> "in memory (this process only)";
            case POSTGRESQL -> "PostgreSQL at " + jdbcUrl.replaceAll("[?].*$", "");
        };
    }
}
