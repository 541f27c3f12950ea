package dev.canarycouncil.evals.generator;

import static dev.canarycouncil.evals.generator.BrokenScenarios.demoApp;
import static dev.canarycouncil.evals.generator.BrokenScenarios.neverAvailable;
import static dev.canarycouncil.evals.generator.Scenarios.broken;
import static dev.canarycouncil.evals.generator.Scenarios.healthy;
import static dev.canarycouncil.evals.generator.Scenarios.scenario;
import static dev.canarycouncil.evals.generator.Scenarios.style;

import java.time.Duration;
import java.util.List;

/**
 * The seven cases of the shared seed evaluation set ({@code shared/data/seed-eval/dataset.jsonl}),
 * which shows only the canary's pods and logs, made into full recordings: a stable side,
 * metrics, events and source. Named {@code seed-<scenario_id>}; the root causes follow the
 * set's references.
 */
final class SeedScenarios {

    private static final String IMAGE = "gcr.io/myproj/app:";

    private SeedScenarios() {}

    static List<ScenarioConfig> all() {
        return List.of(
                healthyCanary(),
                allHealthyHighTraffic(),
                panicRuntimeError(),
                mixedPartialFailure(),
                imagePullBackOff(),
                oomKilledCrashLoop(),
                javaNpe());
    }

    static ScenarioConfig healthyCanary() {
        ScenarioConfig c = healthy(
                seed("healthy-canary"),
                "Seed healthy_canary: two canary pods serve 200 \"red\" like stable; no errors, no restarts.");
        demo(c);
        c.canaryPods = 2;
        return c;
    }

    static ScenarioConfig allHealthyHighTraffic() {
        ScenarioConfig c = healthy(
                seed("all-healthy-high-traffic"),
                "Seed all_healthy_high_traffic: three canary pods under high traffic (60 rps each), all serving 200 \"red\" like stable.");
        demo(c);
        c.stablePods = 3;
        c.canaryPods = 3;
        c.canaryWeight = 50;
        c.logLinesPerSecond = 0.3;
        c.stable.rps = 60;
        c.canary.rps = 60;
        return c;
    }

    static ScenarioConfig panicRuntimeError() {
        ScenarioConfig c = broken(
                seed("panic-runtime-error"),
                "go-panic",
                "Seed panic_runtime_error: the canary panics with index out of range [0] with length 0 in main.handler and crash-loops.",
                "runtime error: index out of range [0] with length 0 in main.handler at main.go:42: the handler takes the "
                        + "first colour of a tag that has none (empty slice access) on the main goroutine, so the process "
                        + "panics and the pod crash-loops",
                "index out of range",
                "main.handler",
                "main.go:42");
        demo(c);
        c.canary.crashAfter = Duration.ofSeconds(37);
        c.canary.crashTrace = List.of(
                "panic: runtime error: index out of range [0] with length 0",
                "",
                "goroutine 1 [running]:",
                "main.handler(0xc0001a8000)",
                "\t/app/main.go:42 +0x1a5",
                "main.main()",
                "\t/app/main.go:18 +0x6f");
        c.repository.put("main.go", GoSources.SEED_MAIN_GO);
        return c;
    }

    /** Two canary pods; the one that gets the undecodable requests dies on them, the other is fine. */
    static ScenarioConfig mixedPartialFailure() {
        ScenarioConfig c = broken(
                seed("mixed-partial-failure"),
                "partial-failure",
                "Seed mixed_partial_failure: one of two canary pods panics with a nil pointer dereference (SIGSEGV) in main.processRequest and has restarted twice; the other is healthy.",
                "nil pointer dereference (SIGSEGV) in main.processRequest at handler.go:73 in one of the two canary pods: "
                        + "a worker goroutine dereferences the nil *Request the API enqueues for an undecodable body; one pod "
                        + "healthy, one restarting — even a partial failure blocks promotion",
                "nil pointer",
                "processRequest",
                "handler.go:73");
        demo(c);
        c.canaryPods = 2;
        PodBehaviour crashing = new PodBehaviour();
        crashing.version = c.canary.version;
        crashing.image = c.canary.image;
        crashing.successDetail = c.canary.successDetail;
        crashing.errorRatio = 0;
        crashing.latencyMedianMs = c.canary.latencyMedianMs;
        crashing.memoryMb = c.canary.memoryMb;
        crashing.cpuCores = c.canary.cpuCores;
        crashing.crashAfter = Duration.ofSeconds(200);
        crashing.crashTrace = List.of(
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1234]",
                "",
                "goroutine 8 [running]:",
                "main.processRequest(0x0)",
                "\t/app/handler.go:73 +0x88",
                "main.worker()",
                "\t/app/handler.go:49 +0x25",
                "created by main.startWorkers in goroutine 1",
                "\t/app/handler.go:41 +0x1a");
        c.canaryPodOverrides.put(1, crashing);
        c.repository.put("handler.go", GoSources.SEED_HANDLER_GO);
        return c;
    }

    static ScenarioConfig imagePullBackOff() {
        ScenarioConfig c = broken(
                seed("imagepullbackoff"),
                "image-pull",
                "Seed imagepullbackoff: the canary image gcr.io/myproj/app:v2.0.1-canary is not in the registry; the pod is stuck in ImagePullBackOff.",
                "ImagePullBackOff: image gcr.io/myproj/app:v2.0.1-canary not found in registry (manifest unknown); the "
                        + "canary pod never starts — push the image or fix the tag in the rollout spec",
                "ImagePullBackOff",
                "manifest unknown",
                "v2.0.1-canary");
        demo(c);
        c.canary.image = IMAGE + "v2.0.1-canary";
        c.canary.imagePullError = "rpc error: code = NotFound desc = manifest unknown";
        neverAvailable(c);
        return c;
    }

    static ScenarioConfig oomKilledCrashLoop() {
        ScenarioConfig c = broken(
                seed("oomkilled-crashloop"),
                "oom-crashloop",
                "Seed oomkilled_crashloop: the canary loads its whole cache into memory at start-up, is OOMKilled at 128Mi (exit 137) and crash-loops.",
                "OOMKilled with exit code 137: the in-memory cache load at start-up exceeds the 128Mi container memory "
                        + "limit, so the canary is killed every time and is in CrashLoopBackOff",
                "OOMKilled",
                "cache",
                "128Mi");
        c.requestMethod = "GET";
        c.requestPath = "/api";
        c.stable.image = IMAGE + c.stable.version;
        c.canary.image = IMAGE + c.canary.version;
        c.stable.memoryMb = 92;
        c.stable.memoryLimitMb = 128;
        c.canary.memoryMb = 70;
        c.canary.memoryGrowthMbPerMinute = 90;
        c.canary.memoryLimitMb = 128;
        c.canary.crashAfter = Duration.ofSeconds(42);
        c.canary.crashReason = "OOMKilled";
        c.canary.crashExitCode = 137;
        c.canary.startupNoteSpacingSeconds = 13;
        c.canary.startupNotes = List.of(
                LogNote.info("cache", "loaded 25000 records into in-memory cache"),
                LogNote.info("cache", "loaded 50000 records into in-memory cache"),
                LogNote.info("cache", "loaded 75000 records into in-memory cache"));
        return c;
    }

    static ScenarioConfig javaNpe() {
        ScenarioConfig c = broken(
                seed("java-npe"),
                "java-exception",
                "Seed java_npe: the canary throws NullPointerException in OrderController.placeOrder (user is null) on about 20% of orders, answered 500.",
                "NullPointerException at OrderController.placeOrder line 87 (OrderController.java:87): user is null when "
                        + "invoking user.getId(); about 20% of POST /api/orders fail with HTTP 500",
                "NullPointerException",
                "OrderController.placeOrder",
                "OrderController.java:87");
        style(c, new SpringBootStyle("c.e.api"));
        c.requestPath = "/api/orders";
        c.stable.version = "2.4.3";
        c.canary.version = "2.5.0";
        c.stable.image = IMAGE + c.stable.version;
        c.canary.image = IMAGE + c.canary.version;
        c.canary.errorRatio = 0.2;
        c.canary.errorNotes = List.of(LogNote.error("c.e.api.ApiExceptionHandler", "Unhandled exception"));
        c.canary.errorTrace = Traces.JAVA_NPE_SEED;
        c.repository.put("src/main/java/com/example/api/OrderController.java", JavaSources.ORDER_CONTROLLER_JAVA);
        return c;
    }

    /** The seed set's rollout: canary-demo in the default namespace, stable 2.0.0, canary 2.0.1. */
    private static ScenarioConfig seed(String id) {
        ScenarioConfig c = scenario("seed-" + id, "default", "canary-demo", "v2.0.0", "v2.0.1");
        c.stablePods = 2;
        return c;
    }

    /** The demo app of the seed set: GET /api answers the colour, red on both sides. */
    private static void demo(ScenarioConfig c) {
        demoApp(c, "red", "red");
        c.requestPath = "/api";
        c.stable.image = IMAGE + c.stable.version;
        c.canary.image = IMAGE + c.canary.version;
    }
}
