package dev.canarycouncil.mcp.kubernetes.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.canarycouncil.runtime.schema.TimeWindow;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading an Argo Rollout: canary weight as Argo derives it, selectors, the service name, the window. */
class RolloutViewTest {

    private static final List<Object> STEPS = List.of(
            Map.of("setWeight", 20),
            Map.of("pause", Map.of()),
            Map.of("setWeight", 50),
            Map.of("pause", Map.of("duration", "10m")));

    private static RolloutView rollout(
            Map<String, Object> spec, Map<String, Object> status, Map<String, String> annotations) {
        GenericKubernetesResource r = new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Rollout")
                .withNewMetadata()
                .withName("checkout")
                .withNamespace("shop")
                .withAnnotations(annotations)
                .endMetadata()
                .addToAdditionalProperties("spec", spec)
                .addToAdditionalProperties("status", status)
                .build();
        return new RolloutView(r);
    }

    private static Integer weightAt(Integer stepIndex) {
        Map<String, Object> status = stepIndex == null ? Map.of() : Map.of("currentStepIndex", stepIndex);
        return rollout(Map.of("strategy", Map.of("canary", Map.of("steps", STEPS))), status, Map.of())
                .canaryWeight();
    }

    @Test
    void derivesTheCanaryWeightFromTheStepsAsArgoDoes() {
        assertEquals(20, weightAt(null));
        assertEquals(20, weightAt(0));
        assertEquals(20, weightAt(1));
        assertEquals(50, weightAt(2));
        assertEquals(50, weightAt(3));
        assertEquals(100, weightAt(4), "past the last step the canary takes all traffic");
    }

    @Test
    void prefersTheWeightTheTrafficRouterReportsAndKnowsAbortsAndBlueGreen() {
        Map<String, Object> canary = Map.of("strategy", Map.of("canary", Map.of("steps", STEPS)));
        assertEquals(
                33,
                rollout(
                                canary,
                                Map.of(
                                        "currentStepIndex",
                                        1,
                                        "canary",
                                        Map.of("weights", Map.of("canary", Map.of("weight", 33)))),
                                Map.of())
                        .canaryWeight());
        assertEquals(
                0,
                rollout(canary, Map.of("currentStepIndex", 1, "abort", true), Map.of())
                        .canaryWeight());
        assertNull(rollout(Map.of("strategy", Map.of("blueGreen", Map.of())), Map.of(), Map.of())
                .canaryWeight());
    }

    @Test
    void buildsEachSidesSelectorFromTheRolloutsSelector() {
        RolloutView view = rollout(
                Map.of(
                        "selector",
                        Map.of(
                                "matchLabels", Map.of("app", "checkout"),
                                "matchExpressions",
                                        List.of(
                                                Map.of(
                                                        "key",
                                                        "tier",
                                                        "operator",
                                                        "In",
                                                        "values",
                                                        List.of("web", "api")),
                                                Map.of("key", "legacy", "operator", "DoesNotExist")))),
                Map.of(),
                Map.of());
        assertEquals(
                "app=checkout,tier in (web,api),!legacy,rollouts-pod-template-hash=7c9d6f5b4",
                view.selectorFor("7c9d6f5b4"));
    }

    @Test
    void namesTheServiceFromAnnotationThenLabelsThenStableServiceThenName() {
        Map<String, Object> spec = Map.of("strategy", Map.of("canary", Map.of("stableService", "checkout-stable")));
        assertEquals(
                "payments",
                ServiceNames.of(
                        rollout(spec, Map.of(), Map.of(ServiceNames.ANNOTATION, "payments")),
                        Map.of("app", "checkout")));
        assertEquals(
                "checkout-web",
                ServiceNames.of(
                        rollout(spec, Map.of(), Map.of()),
                        Map.of("app.kubernetes.io/name", "checkout-web", "app", "checkout")));
        assertEquals("checkout", ServiceNames.of(rollout(spec, Map.of(), Map.of()), Map.of("app", "checkout")));
        assertEquals("checkout-stable", ServiceNames.of(rollout(spec, Map.of(), Map.of()), Map.of()));
        assertEquals("checkout", ServiceNames.of(rollout(Map.of(), Map.of(), Map.of()), Map.of()));
    }

    @Test
    void windowRunsFromTheCanarysCreationToNowCappedAndNeverBackwards() {
        Instant now = Instant.parse("2026-05-05T12:00:00Z");
        WindowPolicy policy = new WindowPolicy(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
        assertEquals(new TimeWindow(now.minusSeconds(600), now), policy.window(now.minusSeconds(600)));
        assertEquals(new TimeWindow(now.minusSeconds(3600), now), policy.window(now.minus(Duration.ofDays(2))));
        assertEquals(new TimeWindow(now, now), policy.window(now.plusSeconds(30)));
    }
}
