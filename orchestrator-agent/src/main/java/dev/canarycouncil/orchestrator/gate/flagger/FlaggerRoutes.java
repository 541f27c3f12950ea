package dev.canarycouncil.orchestrator.gate.flagger;

import dev.canarycouncil.orchestrator.gate.GateAccess;
import dev.canarycouncil.orchestrator.gate.GateAnswer;
import dev.canarycouncil.orchestrator.gate.GateRoutes;
import dev.canarycouncil.orchestrator.gate.Measurement;
import dev.canarycouncil.orchestrator.gate.MeasurementOutcome;
import dev.canarycouncil.orchestrator.gate.Measurements;
import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonReply;
import dev.canarycouncil.runtime.schema.SourceRepository;
import dev.canarycouncil.runtime.schema.TargetKind;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flagger's webhooks, {@code POST /api/v1/flagger/{hook}}, one path per hook type
 * ({@link FlaggerHook}). The hooks of one revision share analyses through {@link Measurements},
 * keyed by Flagger's checksum, so a tick's rollback, rollout and confirm-promotion calls run one
 * analysis between them. Statuses:
 * <ul>
 * <li>200 / 412: the hook's rule applied to the verdict (success / failure to Flagger);</li>
 * <li>202 / 425: the analysis still runs after the wait: 202 for a hook where that is no
 *     objection, 425 where only a verdict may succeed; the next call joins the same analysis;</li>
 * <li>400 the payload names no canary, 404 no such canary or hook, 500 the analysis failed:
 *     all failures to Flagger, so an unreadable canary never passes a gate.</li>
 * </ul>
 */
public final class FlaggerRoutes {

    public static final String PATH = "/api/v1/flagger";
    private static final Logger LOG = LoggerFactory.getLogger(FlaggerRoutes.class);
    private static final long MAX_BODY_BYTES = 64 * 1024;

    private final Measurements measurements;
    private final Duration wait;
    private final GateAccess access;

    public FlaggerRoutes(Measurements measurements, Duration wait, GateAccess access) {
        this.measurements = measurements;
        this.wait = wait;
        this.access = access;
    }

    public void mount(Router router) {
        router.post(PATH + "/:hook")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(this::answer, false);
    }

    private void answer(RoutingContext rc) {
        String path = rc.pathParam("hook");
        FlaggerHook hook = FlaggerHook.ofPath(path).orElse(null);
        if (hook == null) {
            JsonReply.send(
                    rc,
                    404,
                    Map.of(
                            "error",
                            "no Flagger hook " + path + " here; the council answers "
                                    + Arrays.stream(FlaggerHook.values())
                                            .map(FlaggerHook::path)
                                            .toList(),
                            "field",
                            "hook"));
            return;
        }
        FlaggerPayload payload;
        try {
            payload = FlaggerPayloadParser.parse(rc.body().asString());
        } catch (BadRequestException e) {
            JsonReply.send(rc, 400, Map.of("error", e.getMessage(), "field", e.field()));
            return;
        }
        // Flagger sends no headers: its token comes in the payload's metadata, so this check follows the (bounded)
        // read.
        if (!access.admitsHeader(rc.request().getHeader("Authorization"))
                && !payload.token().map(t -> access.admitsToken(t.reveal())).orElse(false)) {
            GateAccess.refuse(rc, "a bearer token, or the token in the webhook's metadata.token");
            return;
        }
        if (!hook.judges()) {
            LOG.info(
                    "Flagger canary {}/{} ended {} (checksum {})",
                    payload.namespace(),
                    payload.name(),
                    payload.phase(),
                    payload.checksum());
            JsonReply.send(
                    rc,
                    200,
                    Map.of(
                            "hook",
                            hook.path(),
                            "succeeded",
                            true,
                            "reason",
                            hook.effect(true) + ": canary " + payload.name() + " " + payload.phase()));
            return;
        }
        judge(rc, hook, payload);
    }

    /** One line, as Flagger's events show it: what the answer does, the verdict, and its root cause when it has one. */
    private static String reason(FlaggerHook hook, boolean succeeded, GateAnswer verdict) {
        String cause = verdict.rootCause() == null
                ? ""
                : verdict.rootCause().lines().findFirst().orElse("").strip();
        return hook.effect(succeeded) + ": " + verdict.decision() + " (" + verdict.confidence() + " %)"
                + (cause.isEmpty() || cause.equalsIgnoreCase("none") ? "" : ", " + cause);
    }

    private void judge(RoutingContext rc, FlaggerHook hook, FlaggerPayload payload) {
        Measurement m = new Measurement(
                payload.namespace(),
                TargetKind.FLAGGER_CANARY,
                payload.name(),
                payload.checksum(),
                "",
                "",
                payload.hints(),
                SourceRepository.NONE);
        MeasurementOutcome outcome = measurements.await(m, GateRoutes.caller(rc), wait);
        if (outcome instanceof MeasurementOutcome.Judged judged) {
            GateAnswer verdict = GateAnswer.of(judged.analysis());
            boolean succeeded = hook.succeeds(verdict.decision());
            JsonReply.send(
                    rc,
                    succeeded ? 200 : 412,
                    new FlaggerAnswer(hook.path(), succeeded, reason(hook, succeeded, verdict), verdict));
        } else if (outcome instanceof MeasurementOutcome.Running) {
            boolean succeeded = hook.succeedsWhileRunning();
            JsonReply.send(
                    rc,
                    succeeded ? 202 : 425,
                    Map.of(
                            "hook",
                            hook.path(),
                            "succeeded",
                            succeeded,
                            "reason",
                            hook.effect(succeeded) + ": the analysis of " + payload.namespace() + "/" + payload.name()
                                    + " is still running after " + wait.toSeconds() + " s; the next call joins it"));
        } else if (outcome instanceof MeasurementOutcome.Refused refused) {
            GateRoutes.tooMany(rc, refused);
        } else if (outcome instanceof MeasurementOutcome.Unresolvable unresolvable) {
            JsonReply.send(rc, 404, Map.of("error", unresolvable.message(), "field", "name"));
        } else if (outcome instanceof MeasurementOutcome.Failed failed) {
            GateRoutes.failed(rc, failed, "Flagger canary " + payload.namespace() + "/" + payload.name());
        }
    }
}
