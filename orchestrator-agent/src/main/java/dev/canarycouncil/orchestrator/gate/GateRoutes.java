package dev.canarycouncil.orchestrator.gate;

import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonReply;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release-gate API any controller can call without a plugin (docs/controllers.md):
 * {@code POST /api/v1/analyses} with a JSON body, or {@code GET} with query parameters, answers
 * the verdict of one measurement. Argo Rollouts' {@code web} metric provider reads
 * {@code decision} with {@code jsonPath: "{$.decision}"}.
 * <ul>
 * <li>200: a verdict, whatever it is; the controller's conditions decide what it does;</li>
 * <li>400: the request cannot be read, naming the field;</li>
 * <li>404: the rollout or canary does not exist: a measurement error, never a pass;</li>
 * <li>503: the analysis did not end within the server's wait; asking again joins it.</li>
 * </ul>
 */
public final class GateRoutes {

    public static final String PATH = "/api/v1/analyses";
    private static final Logger LOG = LoggerFactory.getLogger(GateRoutes.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final Measurements measurements;
    private final Duration wait;
    private final GateAccess access;

    public GateRoutes(Measurements measurements, Duration wait, GateAccess access) {
        this.measurements = measurements;
        this.wait = wait;
        this.access = access;
    }

    public void mount(Router router) {
        if (access.required()) {
            router.route(PATH).handler(access.headerGuard());
        }
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(
                        rc -> answer(
                                rc, () -> MeasurementParser.fromJson(rc.body().asString())),
                        false);
        router.get(PATH)
                .blockingHandler(
                        rc -> answer(rc, () -> {
                            Map<String, String> params = new HashMap<>();
                            rc.queryParams().forEach(e -> params.put(e.getKey(), e.getValue()));
                            return MeasurementParser.fromQuery(params);
                        }),
                        false);
    }

    /** Who is asking, as analysis limits count callers: the remote address. */
    public static String caller(RoutingContext rc) {
        return rc.request().remoteAddress() == null
                ? "unknown"
                : rc.request().remoteAddress().hostAddress();
    }

    /** 429 with Retry-After: the caller or the rollout has as many analyses running as allowed. */
    public static void tooMany(RoutingContext rc, MeasurementOutcome.Refused refused) {
        rc.response()
                .putHeader(
                        "Retry-After",
                        Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
        JsonReply.send(
                rc,
                429,
                Map.of(
                        "error",
                        refused.message() + "; ask again after "
                                + refused.retryAfter().toSeconds() + " s"));
    }

    /** 503 while shutting down (ask again elsewhere), else 500 with the cause. */
    public static void failed(RoutingContext rc, MeasurementOutcome.Failed failed, String what) {
        if (failed.interrupted()) {
            JsonReply.send(rc, 503, Map.of("error", "the orchestrator is shutting down"));
            return;
        }
        LOG.error("Analysis of {} failed", what, failed.cause());
        JsonReply.send(
                rc, 500, Map.of("error", "analysis failed: " + failed.cause().getMessage()));
    }

    private void answer(RoutingContext rc, java.util.function.Supplier<Measurement> read) {
        Measurement m;
        try {
            m = read.get();
        } catch (BadRequestException e) {
            JsonReply.send(rc, 400, Map.of("error", e.getMessage(), "field", e.field()));
            return;
        }
        MeasurementOutcome outcome = measurements.await(m, caller(rc), wait);
        if (outcome instanceof MeasurementOutcome.Judged judged) {
            GateAnswer answer = GateAnswer.of(judged.analysis());
            if (!m.stableHash().isBlank() && !m.stableHash().equals(answer.stableHash())) {
                JsonReply.send(
                        rc,
                        409,
                        Map.of(
                                "error",
                                "stableHash " + m.stableHash() + " is not the stable of rollout " + m.rollout() + " ("
                                        + answer.stableHash()
                                        + "): the rollout moved on; nothing was judged for this measurement",
                                "field",
                                "stableHash"));
                return;
            }
            JsonReply.send(rc, 200, answer);
        } else if (outcome instanceof MeasurementOutcome.Running) {
            JsonReply.send(
                    rc,
                    503,
                    Map.of(
                            "error",
                            "the analysis of " + m.namespace() + "/" + m.rollout() + " is still running after "
                                    + wait.toSeconds() + " s; ask again to get its verdict (it is not started twice)"));
        } else if (outcome instanceof MeasurementOutcome.Refused refused) {
            tooMany(rc, refused);
        } else if (outcome instanceof MeasurementOutcome.Unresolvable unresolvable) {
            JsonReply.send(
                    rc,
                    404,
                    Map.of(
                            "error",
                            unresolvable.message(),
                            "field",
                            m.canaryHash().isBlank() ? "rollout" : "canaryHash"));
        } else if (outcome instanceof MeasurementOutcome.Failed failed) {
            failed(rc, failed, m.namespace() + "/" + m.rollout());
        }
    }
}
