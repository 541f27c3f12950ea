package dev.canarycouncil.orchestrator.plugin;

import dev.canarycouncil.orchestrator.council.Council;
import dev.canarycouncil.orchestrator.council.Requester;
import dev.canarycouncil.orchestrator.council.UnresolvableTargetException;
import dev.canarycouncil.orchestrator.gate.AnalysisSlots;
import dev.canarycouncil.orchestrator.gate.GateRoutes;
import dev.canarycouncil.orchestrator.gate.GateSettings;
import dev.canarycouncil.orchestrator.gate.Measurement;
import dev.canarycouncil.orchestrator.gate.MeasurementOutcome;
import dev.canarycouncil.orchestrator.gate.Measurements;
import dev.canarycouncil.orchestrator.gate.TooManyAnalysesException;
import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.orchestrator.http.JsonReply;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Argo Rollouts AI metric plugin's agent mode, exactly as the plugin speaks it
 * (argoproj-labs/rollouts-plugin-metric-ai internal/plugin/a2a.go): {@code GET /} answers 200 (its
 * health check; {@code GET /a2a/health} too, as its troubleshooting guide asks) and
 * {@code POST /a2a/analyze} runs one analysis within the plugin's 5-minute client timeout.
 * Analysis outcomes are always 200: the plugin has no fallback, and any other status is a
 * measurement Error. Only malformed requests get 400, naming the field.
 */
public final class PluginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRoutes.class);
    /** The plugin sends both sides' logs inline; leave room for them. */
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final Council council;
    private final Measurements measurements;
    private final AnalysisSlots slots;
    private final Duration wait;
    private final GateSettings.PluginEndpoint endpoint;

    /** @param endpoint whether {@code POST /a2a/analyze} is served; the health checks always are */
    public PluginRoutes(
            Council council,
            Measurements measurements,
            AnalysisSlots slots,
            Duration wait,
            GateSettings.PluginEndpoint endpoint) {
        this.council = council;
        this.measurements = measurements;
        this.slots = slots;
        this.wait = wait;
        this.endpoint = endpoint;
    }

    public void mount(Router router) {
        router.get("/")
                .handler(rc -> JsonReply.send(rc, 200, Map.of("name", "canary-council orchestrator", "status", "ok")));
        // The plugin's own health check is GET /; its README's troubleshooting asks for this path.
        router.get("/a2a/health")
                .handler(rc -> JsonReply.send(rc, 200, Map.of("name", "canary-council orchestrator", "status", "ok")));
        if (endpoint == GateSettings.PluginEndpoint.ON) {
            router.post("/a2a/analyze")
                    .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                    .blockingHandler(this::analyze, false);
        }
    }

    private void analyze(RoutingContext rc) {
        AnalysisTarget target;
        try {
            target = PluginRequestParser.parse(rc.body().asString());
        } catch (BadRequestException e) {
            JsonReply.send(rc, 400, Map.of("error", e.getMessage(), "field", e.field()));
            return;
        }
        Optional<Measurement> measurement = PluginMeasurement.of(target);
        if (measurement.isPresent()) {
            MeasurementOutcome outcome = measurements.await(measurement.get(), GateRoutes.caller(rc), wait);
            if (outcome instanceof MeasurementOutcome.Judged judged) {
                JsonReply.send(rc, 200, PluginResponse.of(judged.analysis().verdict()));
            } else if (outcome instanceof MeasurementOutcome.Running) {
                JsonReply.send(
                        rc,
                        503,
                        Map.of(
                                "error",
                                "the analysis is still running after " + wait.toSeconds()
                                        + " s; the next measurement joins it"));
            } else if (outcome instanceof MeasurementOutcome.Refused refused) {
                GateRoutes.tooMany(rc, refused);
            } else if (outcome instanceof MeasurementOutcome.Unresolvable unresolvable) {
                JsonReply.send(rc, 200, PluginResponse.unresolved(unresolvable.message()));
            } else if (outcome instanceof MeasurementOutcome.Failed failed) {
                GateRoutes.failed(
                        rc, failed, "the plugin's measurement of " + target.namespace() + "/" + target.rollout());
            }
            return;
        }
        try (AnalysisSlots.Slot slot = slots.acquire(
                GateRoutes.caller(rc),
                target.namespace() + "/"
                        + (target.rollout() != null
                                ? target.rollout()
                                : target.podName() != null ? target.podName() : target.canarySelector()))) {
            JsonReply.send(
                    rc,
                    200,
                    PluginResponse.of(
                            council.analyze(target, Requester.CONTROLLER, message -> LOG.debug("{}", message))));
        } catch (TooManyAnalysesException e) {
            GateRoutes.tooMany(rc, new MeasurementOutcome.Refused(e.getMessage(), e.retryAfter()));
        } catch (UnresolvableTargetException e) {
            JsonReply.send(rc, 200, PluginResponse.unresolved(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonReply.send(rc, 503, Map.of("error", "the orchestrator is shutting down"));
        } catch (RuntimeException e) {
            LOG.error("Plugin analysis failed", e);
            JsonReply.send(rc, 500, Map.of("error", "analysis failed: " + e.getMessage()));
        }
    }
}
