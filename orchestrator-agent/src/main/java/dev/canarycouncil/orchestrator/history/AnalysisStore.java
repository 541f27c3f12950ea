package dev.canarycouncil.orchestrator.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.OpenIssues;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.text.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The analysis history in a relational database: H2 embedded or PostgreSQL, the same SQL for both.
 * The schema is Flyway's to create and upgrade at start-up; a schema newer than this version knows,
 * or one Flyway did not make, stops the start with the reason instead of being written over.
 */
public final class AnalysisStore implements AutoCloseable {

    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "id, namespace, rollout, canary_hash, stable_hash, requester, started_at, "
            + "decided_at, duration_ms, decision, confidence, mode, issue_title, issue_url, outcome";

    private static final String INSERTED = "id, namespace, rollout, canary_hash, stable_hash, requester, started_at, "
            + "decided_at, duration_ms, decision, confidence, mode, issue_title, issue_url, request_json, verdict_json, "
            + "target_kind";

    private final HistorySettings settings;
    private final HikariDataSource pool;

    private AnalysisStore(HistorySettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Connects, then creates or upgrades the schema.
     *
     * @throws HistoryStoreException naming the database and what is wrong with it
     */
    public static AnalysisStore open(HistorySettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        settings.password().ifPresent(p -> config.setPassword(p.reveal()));
        config.setPoolName("history");
        // Each issue being filed holds a connection (its claim) for up to the issue writer's deadline.
        config.setMaximumPoolSize(16);
        // A database that is down must fail a write in seconds, not hold an analysis' thread.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(settings, pool);
            return new AnalysisStore(settings, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(HistorySettings settings, HikariDataSource pool) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/history")
                .table("history_schema")
                .load();
        try {
            MigrationInfo current = flyway.info().current();
            MigrationVersion newest = newestLocal(flyway);
            if (current != null && newest != null && current.getVersion().compareTo(newest) > 0) {
                throw new HistoryStoreException("the history at " + settings.describe() + " has schema version "
                        + current.getVersion() + ", newer than this Canary Council knows (" + newest
                        + "): run the newer version, or give another database");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new HistoryStoreException(
                    "the history at " + settings.describe() + " cannot be used: " + flywaySays(e), e);
        }
    }

    /**
     * Flyway's first line alone ("Validate failed: Migrations have failed validation") does not say
     * which migration or what to do; the lines after it do, so they are kept, on one line.
     */
    private static String flywaySays(FlywayException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String joined = message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Need more flexibility") && !l.startsWith("https://"))
                .collect(java.util.stream.Collectors.joining("; "));
        return Texts.cut(joined, 600);
    }

    private static MigrationVersion newestLocal(Flyway flyway) {
        MigrationVersion newest = null;
        for (MigrationInfo m : flyway.info().all()) {
            boolean local =
                    m.getPhysicalLocation() != null && !m.getPhysicalLocation().isEmpty();
            if (local
                    && m.getVersion() != null
                    && (newest == null || m.getVersion().compareTo(newest) > 0)) {
                newest = m.getVersion();
            }
        }
        return newest;
    }

    /** A connection from the store's pool, for the other tables of the same database ({@link TaskRows}). */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The store's failure for an action on its database, naming the database. */
    HistoryStoreException failed(String action, SQLException e) {
        return failure(action, e);
    }

    public HistorySettings settings() {
        return settings;
    }

    /** Stores a finished analysis; storing the same one again changes nothing. */
    public void save(FinishedAnalysis a) {
        Verdict v = a.verdict();
        AnalysisRequest r = a.request();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (exists(c, v.analysisId())) {
                    c.rollback();
                    return;
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO analysis (" + INSERTED
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, v.analysisId());
                    s.setString(2, r.namespace());
                    s.setString(3, r.rollout());
                    s.setString(4, r.canary().podTemplateHash());
                    s.setString(5, r.stable().podTemplateHash());
                    s.setString(6, a.requester().name());
                    s.setTimestamp(7, Timestamp.from(a.startedAt()));
                    s.setTimestamp(8, Timestamp.from(v.decidedAt()));
                    s.setLong(9, v.durationMs());
                    s.setString(10, v.decision().name());
                    s.setInt(11, v.confidence());
                    s.setString(12, v.mode().wire());
                    s.setString(
                            13,
                            v.issue() == null
                                    ? null
                                    : Texts.abbreviate(v.issue().title(), 512));
                    s.setString(
                            14,
                            v.issue() == null || v.issue().url() == null
                                    ? null
                                    : v.issue().url());
                    s.setString(15, json(r));
                    s.setString(16, json(v));
                    s.setString(17, r.kind().name());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO analysis_progress (analysis_id, seq, at, text) VALUES (?, ?, ?, ?)")) {
                    int seq = 0;
                    for (FinishedAnalysis.ProgressEvent e : a.progress()) {
                        s.setString(1, v.analysisId());
                        s.setInt(2, seq++);
                        s.setTimestamp(3, Timestamp.from(e.at()));
                        s.setString(4, Texts.abbreviate(e.text(), 2048));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                if (a.issueOwed()) {
                    OutboxRows.owe(c, a, Instant.now());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            saveSteps(c, FixStep.of(a));
        } catch (SQLException e) {
            throw failure("store analysis " + v.analysisId(), e);
        }
    }

    /**
     * Keeps the first time each step was seen. Outside the analysis' transaction: two replicas noting
     * the same step at once is not an error, and must not cost the analysis its row.
     */
    private static void saveSteps(Connection c, List<FixStep> steps) throws SQLException {
        for (FixStep step : steps) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO fix_step (issue_url, step, namespace, rollout, "
                    + "at, analysis_id) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM fix_step WHERE issue_url = ? AND step = ?)")) {
                s.setString(1, step.issueUrl());
                s.setString(2, step.step().name());
                s.setString(3, step.namespace());
                s.setString(4, step.rollout());
                s.setTimestamp(5, Timestamp.from(step.at()));
                s.setString(6, step.analysisId());
                s.setString(7, step.issueUrl());
                s.setString(8, step.step().name());
                if (s.executeUpdate() > 0) {
                    continue;
                }
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            // Already there: an earlier time seen later (a pull request opened before) replaces it.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE fix_step SET at = ?, analysis_id = ? WHERE issue_url = ? AND step = ? AND at > ?")) {
                s.setTimestamp(1, Timestamp.from(step.at()));
                s.setString(2, step.analysisId());
                s.setString(3, step.issueUrl());
                s.setString(4, step.step().name());
                s.setTimestamp(5, Timestamp.from(step.at()));
                s.executeUpdate();
            }
        }
    }

    /** Every step of the remediation loops seen since {@code since}, oldest first. */
    public List<FixStep> fixSteps(Instant since) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT issue_url, step, namespace, rollout, at, analysis_id "
                        + "FROM fix_step WHERE at >= ? ORDER BY at")) {
            s.setTimestamp(1, Timestamp.from(since));
            List<FixStep> steps = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    steps.add(new FixStep(
                            rs.getString("issue_url"),
                            FixStep.Step.valueOf(rs.getString("step")),
                            rs.getString("namespace"),
                            rs.getString("rollout"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("analysis_id")));
                }
            }
            return steps;
        } catch (SQLException e) {
            throw failure("read the remediation loops", e);
        }
    }

    /** The claim a replica holds while its issue writer files one failure's issue. */
    public interface IssueTurn extends AutoCloseable {

        /** Notes what was filed and lets the next replica file the same failure. */
        void done(String analysisId, Optional<IssueDraft> issue);

        /** Lets the next replica go without noting anything (what this one filed is unknown). */
        @Override
        void close();
    }

    /**
     * Waits for the failure's claim: while another replica files the same failure, up to {@code wait}.
     *
     * @throws HistoryStoreException when the store cannot be reached or the wait runs out
     */
    public IssueTurn claimIssue(String fingerprint, String analysisId, Duration wait) {
        Connection c = null;
        try {
            c = pool.getConnection();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO issue_claim (fingerprint, analysis_id, state, "
                    + "updated_at) VALUES (?, ?, 'claimed', ?)")) {
                s.setString(1, fingerprint);
                s.setString(2, analysisId);
                s.setTimestamp(3, Timestamp.from(Instant.now()));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                // Claimed before: by an earlier analysis of this failure, or by a replica filing it now.
            }
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute(
                        settings.kind() == HistorySettings.Kind.POSTGRESQL
                                ? "SET LOCAL lock_timeout = '" + wait.toMillis() + "ms'"
                                : "SET LOCK_TIMEOUT " + wait.toMillis());
            }
            try (PreparedStatement s =
                    c.prepareStatement("SELECT fingerprint FROM issue_claim WHERE fingerprint = ? FOR UPDATE")) {
                s.setString(1, fingerprint);
                s.executeQuery().close();
            }
            return new HeldTurn(c, fingerprint);
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("claim the issue of failure " + fingerprint, e);
        }
    }

    private final class HeldTurn implements IssueTurn {
        private final Connection c;
        private final String fingerprint;

        HeldTurn(Connection c, String fingerprint) {
            this.c = c;
            this.fingerprint = fingerprint;
        }

        @Override
        public void done(String analysisId, Optional<IssueDraft> issue) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE issue_claim SET analysis_id = ?, state = ?, issue_url = ?, updated_at = ? WHERE fingerprint = ?")) {
                s.setString(1, analysisId);
                s.setString(2, Texts.cut(issue.map(IssueDraft::state).orElse("none"), 16));
                s.setString(3, issue.map(IssueDraft::url).orElse(null));
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.setString(5, fingerprint);
                s.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                throw failure("note the issue of failure " + fingerprint, e);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            closeQuietly(c);
        }
    }

    /** Closing rolls back what was not committed, and so lets go of the claim. */
    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.close();
        } catch (SQLException ignored) {
            // The pool discards a connection it cannot reset; the database ends the transaction with it.
        }
    }

    /** An analysed Argo canary whose outcome is not known yet. */
    public record AwaitingOutcome(String id, String namespace, String rollout, String canaryHash, String stableHash) {}

    /** Argo Rollout analyses decided since {@code since} with no outcome yet, newest first. */
    public List<AwaitingOutcome> awaitingOutcome(Instant since, int limit) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, namespace, rollout, canary_hash, stable_hash "
                        + "FROM analysis WHERE outcome IS NULL AND target_kind = 'ARGO_ROLLOUT' AND decided_at >= ? "
                        + "ORDER BY decided_at DESC LIMIT ?")) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setInt(2, limit);
            List<AwaitingOutcome> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AwaitingOutcome(
                            rs.getString("id"),
                            rs.getString("namespace"),
                            rs.getString("rollout"),
                            rs.getString("canary_hash"),
                            rs.getString("stable_hash")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("list analyses awaiting their outcome", e);
        }
    }

    public void recordOutcome(String id, RolloutOutcome.Observed observed, Instant at) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE analysis SET outcome = ?, outcome_at = ?, "
                        + "outcome_detail = ? WHERE id = ? AND outcome IS NULL")) {
            s.setString(1, observed.outcome().name());
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, Texts.cut(observed.detail(), 512));
            s.setString(4, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record the outcome of analysis " + id, e);
        }
    }

    /** Ids of the analyses decided since {@code since} whose outcome is known, oldest first. */
    public List<String> withOutcome(Instant since) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id FROM analysis WHERE outcome IS NOT NULL "
                        + "AND decided_at >= ? ORDER BY decided_at")) {
            s.setTimestamp(1, Timestamp.from(since));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString("id"));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("list analyses with an outcome", e);
        }
    }

    /** The issues on GitHub for a rollout's failures (at most 10, newest first), with the verdict that filed each last. */
    public List<OpenIssues.OpenIssue> openIssues(String namespace, String rollout) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT c.fingerprint, c.issue_url, a.verdict_json "
                        + "FROM issue_claim c JOIN analysis a ON a.id = c.analysis_id "
                        + "WHERE c.state IN ('filed', 'commented') AND c.issue_url IS NOT NULL "
                        + "AND a.namespace = ? AND a.rollout = ? ORDER BY c.updated_at DESC LIMIT 10")) {
            s.setString(1, namespace);
            s.setString(2, rollout);
            List<OpenIssues.OpenIssue> open = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.add(new OpenIssues.OpenIssue(
                            rs.getString("issue_url"),
                            rs.getString("fingerprint"),
                            Json.mapper().readValue(rs.getString("verdict_json"), Verdict.class)));
                }
            }
            return open;
        } catch (SQLException e) {
            throw failure("list the open issues of " + namespace + "/" + rollout, e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException("an issue's analysis cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    /** The failure's claim: which analysis filed it last, how, and where. */
    public Optional<IssueClaim> issueClaim(String fingerprint) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT analysis_id, state, issue_url, updated_at FROM issue_claim WHERE fingerprint = ?")) {
            s.setString(1, fingerprint);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new IssueClaim(
                                fingerprint,
                                rs.getString("analysis_id"),
                                rs.getString("state"),
                                Optional.ofNullable(rs.getString("issue_url")),
                                rs.getTimestamp("updated_at").toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the claim of failure " + fingerprint, e);
        }
    }

    public Optional<StoredAnalysis> find(String id) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + COLUMNS + ", request_json, verdict_json FROM analysis WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                AnalysisSummary summary = summary(rs);
                AnalysisRequest request = Json.mapper().readValue(rs.getString("request_json"), AnalysisRequest.class);
                Verdict verdict = Json.mapper().readValue(rs.getString("verdict_json"), Verdict.class);
                return Optional.of(new StoredAnalysis(summary, request, verdict, progress(c, id)));
            }
        } catch (SQLException e) {
            throw failure("read analysis " + id, e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException(
                    "analysis " + id + " is stored in a form this version cannot read: "
                            + Texts.firstLine(e.getOriginalMessage()),
                    e);
        }
    }

    public AnalysisPage list(AnalysisQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        q.namespace().ifPresent(n -> condition(where, args, " AND namespace = ?", n));
        q.rollout().ifPresent(n -> condition(where, args, " AND rollout = ?", n));
        q.decision().ifPresent(d -> condition(where, args, " AND decision = ?", d.name()));
        q.since().ifPresent(t -> condition(where, args, " AND decided_at >= ?", Timestamp.from(t)));
        q.until().ifPresent(t -> condition(where, args, " AND decided_at < ?", Timestamp.from(t)));
        try (Connection c = pool.getConnection()) {
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM analysis" + where)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AnalysisSummary> page = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM analysis" + where
                    + " ORDER BY decided_at DESC, id LIMIT ? OFFSET ?")) {
                bind(s, args);
                s.setInt(args.size() + 1, q.limit());
                s.setInt(args.size() + 2, q.offset());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        page.add(summary(rs));
                    }
                }
            }
            return new AnalysisPage(page, total, q.limit(), q.offset());
        } catch (SQLException e) {
            throw failure("list analyses", e);
        }
    }

    /** Deletes what the retention no longer keeps; their progress goes with them. */
    public int deleteDecidedBefore(Instant cutoff) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM analysis WHERE decided_at < ?");
                PreparedStatement steps = c.prepareStatement("DELETE FROM fix_step WHERE at < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            steps.setTimestamp(1, Timestamp.from(cutoff));
            steps.executeUpdate();
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete analyses decided before " + cutoff, e);
        }
    }

    public HistoryStats stats() {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*), MIN(decided_at) FROM analysis");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new HistoryStats(
                    settings.describe(),
                    rs.getLong(1),
                    Optional.ofNullable(oldest).map(Timestamp::toInstant),
                    settings.retention(),
                    size(c));
        } catch (SQLException e) {
            throw failure("count analyses", e);
        }
    }

    private Optional<Long> size(Connection c) throws SQLException {
        switch (settings.kind()) {
            case POSTGRESQL -> {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_database_size(current_database())");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getLong(1));
                }
            }
            case EMBEDDED -> {
                String url = settings.jdbcUrl();
                Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';')) + ".mv.db");
                try {
                    return Optional.of(Files.size(file));
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM analysis WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<FinishedAnalysis.ProgressEvent> progress(Connection c, String id) throws SQLException {
        List<FinishedAnalysis.ProgressEvent> events = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT at, text FROM analysis_progress WHERE analysis_id = ? ORDER BY seq")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new FinishedAnalysis.ProgressEvent(
                            rs.getTimestamp(1).toInstant(), rs.getString(2)));
                }
            }
        }
        return events;
    }

    private static AnalysisSummary summary(ResultSet rs) throws SQLException {
        return new AnalysisSummary(
                rs.getString("id"),
                rs.getString("namespace"),
                rs.getString("rollout"),
                rs.getString("canary_hash"),
                rs.getString("stable_hash"),
                Requester.valueOf(rs.getString("requester")),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getLong("duration_ms"),
                Decision.valueOf(rs.getString("decision")),
                rs.getInt("confidence"),
                rs.getString("mode"),
                Optional.ofNullable(rs.getString("issue_title")),
                Optional.ofNullable(rs.getString("issue_url")),
                Optional.ofNullable(rs.getString("outcome")).map(RolloutOutcome::valueOf));
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        where.append(sql);
        args.add(value);
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private HistoryStoreException failure(String action, SQLException e) {
        return new HistoryStoreException(
                "cannot " + action + " in the history at " + settings.describe() + ": "
                        + Texts.firstLine(e.getMessage()),
                e);
    }
}
