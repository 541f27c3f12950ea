package dev.canarycouncil.orchestrator.history;

import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonReply;
import dev.canarycouncil.runtime.a2a.auth.ServerAuth;
import dev.canarycouncil.runtime.schema.Decision;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The history API, on the page's port and behind the council's token:
 *
 * <ul>
 *   <li>{@code GET /api/v1/history}: what is kept (count, oldest, retention, size) and whether the database answers;
 *   <li>{@code GET /api/v1/history/analyses?namespace=&rollout=&decision=&since=&until=&limit=&offset=}: newest first;
 *   <li>{@code GET /api/v1/history/analyses/{id}}, also {@code GET /api/v1/analyses/{id}}: one analysis with its
 *       request, verdict, findings and progress.
 * </ul>
 *
 * The list is not at {@code GET /api/v1/analyses}: that is Argo's web provider, where a GET with a
 * namespace and a rollout starts a measurement; a history query there would start analyses. One
 * analysis by its id has no such clash, so it answers under both paths.
 */
public final class HistoryRoutes {

    public static final String PATH = "/api/v1/history";
    private static final String ONE_ANALYSIS = "/api/v1/analyses/:id";

    private final AnalysisHistory history;
    private final Optional<ServerAuth> auth;

    public HistoryRoutes(AnalysisHistory history, Optional<ServerAuth> auth) {
        this.history = history;
        this.auth = auth;
    }

    public void mount(Router router) {
        auth.ifPresent(a -> router.route(PATH + "*").handler(a.guard()));
        router.get(PATH).blockingHandler(rc -> answer(rc, this::overview), false);
        router.get(PATH + "/analyses").blockingHandler(rc -> answer(rc, () -> list(rc)), false);
        router.get(PATH + "/analyses/:id").blockingHandler(rc -> answer(rc, () -> one(rc.pathParam("id"))), false);
        auth.ifPresent(a -> router.route(ONE_ANALYSIS).handler(a.guard()));
        router.get(ONE_ANALYSIS).blockingHandler(rc -> answer(rc, () -> one(rc.pathParam("id"))), false);
    }

    private void answer(RoutingContext rc, Supplier<Reply> reply) {
        try {
            Reply r = reply.get();
            JsonReply.send(rc, r.status(), r.body());
        } catch (BadRequestException e) {
            JsonReply.send(rc, 400, Map.of("error", e.getMessage(), "field", e.field()));
        } catch (HistoryStoreException e) {
            JsonReply.send(rc, 503, Map.of("error", "the analysis history is unavailable: " + e.getMessage()));
        }
    }

    private record Reply(int status, Object body) {}

    private Reply overview() {
        HistoryStats stats = history.store().stats();
        AnalysisHistory.Status status = history.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("database", stats.database());
        body.put("analyses", stats.analyses());
        stats.oldest().ifPresent(o -> body.put("oldest", o.toString()));
        body.put("retentionDays", stats.retention().toDays());
        stats.sizeBytes().ifPresent(b -> body.put("sizeBytes", b));
        body.put("available", status.available());
        body.put("pendingWrites", status.pending());
        status.problem().ifPresent(p -> body.put("problem", p));
        body.put(
                "fixLoops",
                FixLoops.of(history.store().fixSteps(Instant.now().minus(stats.retention()))).stream()
                        .map(HistoryRoutes::loop)
                        .toList());
        return new Reply(200, body);
    }

    private static Map<String, Object> loop(FixLoops.Loop l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", l.namespace());
        m.put("rollout", l.rollout());
        m.put("issues", l.issues());
        m.put("toIssue", stage(l.toIssue()));
        m.put("toPullRequest", stage(l.toPullRequest()));
        m.put("toVerified", stage(l.toVerified()));
        m.put("text", l.text());
        return m;
    }

    private static Map<String, Object> stage(FixLoops.Stage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reached", s.reached());
        s.median().ifPresent(d -> m.put("medianSeconds", d.toSeconds()));
        return m;
    }

    private Reply list(RoutingContext rc) {
        AnalysisQuery query = new AnalysisQuery(
                text(rc, "namespace"),
                text(rc, "rollout"),
                text(rc, "decision").map(HistoryRoutes::decision),
                text(rc, "since").map(t -> instant("since", t)),
                text(rc, "until").map(t -> instant("until", t)),
                number(rc, "limit", AnalysisQuery.DEFAULT_LIMIT, 1, AnalysisQuery.MAX_LIMIT),
                number(rc, "offset", 0, 0, Integer.MAX_VALUE));
        AnalysisPage page = history.store().list(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "analyses", page.analyses().stream().map(HistoryRoutes::summary).toList());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        return new Reply(200, body);
    }

    private Reply one(String id) {
        return history.find(id)
                .<Reply>map(a -> {
                    Map<String, Object> body = summary(a.summary());
                    body.put("request", a.request());
                    body.put("verdict", a.verdict());
                    body.put(
                            "progress",
                            a.progress().stream()
                                    .map(e -> Map.of("at", e.at().toString(), "text", e.text()))
                                    .toList());
                    return new Reply(200, body);
                })
                .orElseGet(() -> new Reply(404, Map.of("error", "no analysis " + id + " in the history")));
    }

    /** Where the API answers for one analysis, relative to the orchestrator's public URL. */
    public static String apiPath(String analysisId) {
        return PATH + "/analyses/" + analysisId;
    }

    private static Map<String, Object> summary(AnalysisSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("namespace", s.namespace());
        m.put("rollout", s.rollout());
        m.put("canaryHash", s.canaryHash());
        m.put("stableHash", s.stableHash());
        m.put("requester", s.requester().name().toLowerCase(Locale.ROOT));
        m.put("startedAt", s.startedAt().toString());
        m.put("decidedAt", s.decidedAt().toString());
        m.put("durationMs", s.durationMs());
        m.put("decision", s.decision().name());
        m.put("confidence", s.confidence());
        m.put("mode", s.mode());
        s.issueTitle().ifPresent(t -> m.put("issueTitle", t));
        s.issueUrl().ifPresent(u -> m.put("issueUrl", u));
        s.outcome().ifPresent(o -> m.put("outcome", o.name()));
        m.put("api", apiPath(s.id()));
        return m;
    }

    private static Optional<String> text(RoutingContext rc, String name) {
        List<String> values = rc.queryParam(name);
        if (values.size() > 1) {
            throw new BadRequestException(name, "give '" + name + "' once");
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    }

    private static int number(RoutingContext rc, String name, int fallback, int min, int max) {
        Optional<String> value = text(rc, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    name,
                    "'" + name + "' must be a whole number from " + min + " to " + max + ", was '" + value.get() + "'");
        }
    }

    private static Decision decision(String text) {
        try {
            return Decision.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "decision", "'decision' must be promote, rollback or inconclusive, was '" + text + "'");
        }
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    name, "'" + name + "' must be an RFC 3339 time such as 2026-12-07T10:00:00Z, was '" + text + "'");
        }
    }
}
