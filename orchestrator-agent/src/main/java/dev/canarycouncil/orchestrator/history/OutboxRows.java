package dev.canarycouncil.orchestrator.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.canarycouncil.orchestrator.council.FinishedAnalysis;
import dev.canarycouncil.orchestrator.council.IssueOutbox;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.FailureFingerprint;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.Verdict;
import dev.canarycouncil.runtime.text.Texts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The owed issues in the history's database ({@code issue_outbox}), beside the analyses they explain. */
final class OutboxRows implements IssueOutbox {

    /** With the back-off capped at an hour, about a day of attempts; then the row keeps its last problem. */
    static final int MAX_ATTEMPTS = 30;

    private final AnalysisStore store;

    OutboxRows(AnalysisStore store) {
        this.store = store;
    }

    /** Records the analysis' owed issue, in the transaction that stores the analysis. */
    static void owe(Connection c, FinishedAnalysis a, Instant now) throws SQLException {
        Verdict v = a.verdict();
        // The writer's fingerprint when it drafted one; else the same function over the same root cause.
        String fingerprint = v.issue() != null && v.issue().fingerprint() != null
                ? v.issue().fingerprint()
                : FailureFingerprint.of(a.request().service(), v.rootCause());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO issue_outbox (analysis_id, fingerprint, attempts, "
                + "next_attempt_at, last_problem) VALUES (?, ?, 0, ?, ?)")) {
            s.setString(1, v.analysisId());
            s.setString(2, fingerprint);
            s.setTimestamp(3, Timestamp.from(now));
            s.setString(
                    4,
                    Texts.cut(
                            v.issue() == null
                                    ? "no draft came back from the issue writer"
                                    : v.issue().state()
                                            + (v.issue().detail() == null
                                                    ? ""
                                                    : ": " + v.issue().detail()),
                            1024));
            s.executeUpdate();
        }
    }

    @Override
    public List<Owed> due(Instant now, int limit) {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("SELECT o.fingerprint, o.attempts, a.request_json, "
                        + "a.verdict_json FROM issue_outbox o JOIN analysis a ON a.id = o.analysis_id "
                        + "WHERE o.settled_at IS NULL AND o.attempts < ? AND o.next_attempt_at <= ? "
                        + "ORDER BY o.next_attempt_at LIMIT ?")) {
            s.setInt(1, MAX_ATTEMPTS);
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, limit);
            List<Owed> owed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owed.add(new Owed(
                            Json.mapper().readValue(rs.getString("request_json"), AnalysisRequest.class),
                            Json.mapper().readValue(rs.getString("verdict_json"), Verdict.class),
                            rs.getString("fingerprint"),
                            rs.getInt("attempts")));
                }
            }
            return owed;
        } catch (SQLException e) {
            throw store.failed("list the owed issues", e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException(
                    "an owed issue's analysis cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    /** Marks it settled and puts the issue into the kept verdict, so the history shows where it went. */
    @Override
    public void settled(String analysisId, IssueDraft issue, Instant at) {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                Verdict kept;
                try (PreparedStatement s = c.prepareStatement("SELECT verdict_json FROM analysis WHERE id = ?")) {
                    s.setString(1, analysisId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return; // deleted by retention meanwhile
                        }
                        kept = Json.mapper().readValue(rs.getString("verdict_json"), Verdict.class);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE analysis SET issue_title = ?, issue_url = ?, verdict_json = ? WHERE id = ?")) {
                    s.setString(1, Texts.abbreviate(issue.title(), 512));
                    s.setString(2, issue.url());
                    s.setString(3, Json.mapper().writeValueAsString(kept.withIssue(issue)));
                    s.setString(4, analysisId);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE issue_outbox SET settled_at = ?, last_problem = NULL WHERE analysis_id = ?")) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, analysisId);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException | JsonProcessingException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw store.failed("note the issue of analysis " + analysisId, e);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException("the verdict of analysis " + analysisId + " cannot be updated", e);
        }
    }

    @Override
    public void notYet(String analysisId, String problem, Instant next) {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("UPDATE issue_outbox SET attempts = attempts + 1, "
                        + "last_problem = ?, next_attempt_at = ? WHERE analysis_id = ?")) {
            s.setString(1, Texts.cut(problem, 1024));
            s.setTimestamp(2, Timestamp.from(next));
            s.setString(3, analysisId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw store.failed("note the owed issue of analysis " + analysisId, e);
        }
    }
}
