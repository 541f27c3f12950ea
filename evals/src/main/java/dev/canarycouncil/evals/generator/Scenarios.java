package dev.canarycouncil.evals.generator;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scenarios the generator knows. Each returns a fully configured {@link ScenarioConfig};
 * the simulation does the rest. The first four are the original recordings; the others live in
 * {@link BrokenScenarios}, {@link HealthyScenarios}, {@link SeedScenarios}, {@link FrameworkScenarios}
 * and {@link SetupScenarios}.
 */
final class Scenarios {

    private Scenarios() {}

    static List<ScenarioConfig> all() {
        List<ScenarioConfig> all =
                new ArrayList<>(List.of(healthyColourChange(), goPanic(), paymentsTimeout5xx(), oomCrashLoop()));
        all.addAll(BrokenScenarios.all());
        all.addAll(HealthyScenarios.all());
        all.addAll(SeedScenarios.all());
        all.addAll(FrameworkScenarios.all());
        all.addAll(SetupScenarios.all());
        return List.copyOf(all);
    }

    /** A healthy canary whose only visible change is a new colour and version in its logs. */
    static ScenarioConfig healthyColourChange() {
        ScenarioConfig c = base("healthy-color-change", "checkout");
        c.description =
                "Healthy canary: same error rate and latency as stable; logs differ only in the served colour and version.";
        c.expected = Decision.PROMOTE;
        c.failureClass = "healthy";
        c.rootCause = "none";
        c.stable.successDetail = "color=blue";
        c.canary.successDetail = "color=yellow";
        c.canary.version = "1.9.0";
        return c;
    }

    /** The canary's background refresher indexes past the end of a slice and the process dies. */
    static ScenarioConfig goPanic() {
        ScenarioConfig c = base("go-panic-index-out-of-range", "checkout");
        c.description = "Canary panics with an index out of range in getColor and crash-loops.";
        c.expected = Decision.ROLLBACK;
        c.failureClass = "go-panic";
        c.rootCause = "panic: runtime error: index out of range [3] with length 3 in main.getColor (main.go:42)";
        c.rootCauseKeywords = List.of("index out of range", "getColor", "main.go:42");
        c.stable.successDetail = "color=blue";
        c.canary.successDetail = "color=yellow";
        c.canary.version = "1.9.0";
        c.canary.crashAfter = Duration.ofSeconds(75);
        c.canary.crashReason = "Error";
        c.canary.crashExitCode = 2;
        c.canary.crashTrace = List.of(
                "panic: runtime error: index out of range [3] with length 3",
                "",
                "goroutine 18 [running]:",
                "main.getColor(...)",
                "\t/app/main.go:42",
                "main.refreshColors(0xc0000a4000)",
                "\t/app/main.go:55 +0x1b4",
                "created by main.main in goroutine 1",
                "\t/app/main.go:71 +0x2c5");
        c.repository.put("main.go", GoPanicSource.MAIN_GO);
        return c;
    }

    /** The canary calls payments with a 50 ms timeout; a quarter of checkouts fail with 500. */
    static ScenarioConfig paymentsTimeout5xx() {
        ScenarioConfig c = base("5xx-spike-payments-timeout", "checkout");
        c.description =
                "Canary lowered the payments client timeout to 50 ms: about 25% of checkouts fail with HTTP 500.";
        c.expected = Decision.ROLLBACK;
        c.failureClass = "5xx-spike";
        c.rootCause =
                "context deadline exceeded calling payments: the payments client timeout was lowered to 50ms (payments/client.go:14)";
        c.rootCauseKeywords = List.of("deadline exceeded", "payments", "timeout");
        c.canary.version = "1.9.0";
        c.canary.errorRatio = 0.25;
        c.canary.errorDetail = "error=\"context deadline exceeded\" upstream=payments:8080";
        c.canary.errorMessages = List.of(
                "charge failed: context deadline exceeded calling payments:8080/v1/charge after 50ms order={id}");
        c.repository.put("payments/client.go", PaymentsSource.CLIENT_GO);
        return c;
    }

    /** A Spring Boot canary whose new report cache never evicts; the kernel OOM-kills it again and again. */
    static ScenarioConfig oomCrashLoop() {
        ScenarioConfig c = base("oom-crashloop-report-cache", "reports");
        c.description =
                "Canary's report cache grows without bound; the container is OOMKilled (exit 137) and crash-loops.";
        c.style = new SpringBootStyle("c.e.reports");
        c.requestPath = "/api/reports";
        c.expected = Decision.ROLLBACK;
        c.failureClass = "oom-crashloop";
        c.rootCause = "container OOMKilled (exit 137): ReportCache grows without eviction until the 512Mi memory limit";
        c.rootCauseKeywords = List.of("OOMKilled", "memory", "ReportCache");
        c.stable.memoryMb = 260;
        c.canary.version = "2.4.0";
        c.canary.memoryMb = 260;
        c.canary.memoryGrowthMbPerMinute = 240;
        c.canary.crashAfter = Duration.ofSeconds(63);
        c.canary.crashReason = "OOMKilled";
        c.canary.crashExitCode = 137;
        c.repository.put("src/main/java/com/example/reports/ReportCache.java", ReportCacheSource.JAVA);
        return c;
    }

    private static ScenarioConfig base(String name, String service) {
        ScenarioConfig c = new ScenarioConfig(name);
        c.service = service;
        c.stableHash = "5f7d8c9b6";
        c.canaryHash = "7c9d6f5b4";
        return c;
    }

    /**
     * A newer scenario: its own namespace and pod-template hashes, stable at {@code stableVersion}
     * and canary at {@code canaryVersion}.
     */
    static ScenarioConfig scenario(
            String name, String namespace, String service, String stableVersion, String canaryVersion) {
        ScenarioConfig c = new ScenarioConfig(name);
        c.namespace = namespace;
        c.service = service;
        c.stableHash = podTemplateHash(name + "/stable");
        c.canaryHash = podTemplateHash(name + "/canary");
        c.stable.version = stableVersion;
        c.canary.version = canaryVersion;
        return c;
    }

    static ScenarioConfig healthy(ScenarioConfig c, String description) {
        c.description = description;
        c.expected = Decision.PROMOTE;
        c.failureClass = "healthy";
        c.rootCause = "none";
        return c;
    }

    static ScenarioConfig broken(
            ScenarioConfig c, String failureClass, String description, String rootCause, String... keywords) {
        c.description = description;
        c.expected = Decision.ROLLBACK;
        c.failureClass = failureClass;
        c.rootCause = rootCause;
        c.rootCauseKeywords = List.of(keywords);
        return c;
    }

    /** Both sides log like {@code style}; request lines get no trailing detail. */
    static void style(ScenarioConfig c, LogStyle style) {
        c.style = style;
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.successDetail = null;
            b.errorDetail = null;
        }
    }

    /** Ten characters of the alphabet Kubernetes uses for pod-template hashes, fixed by {@code seed}. */
    static String podTemplateHash(String seed) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        SplittableRandom random = new SplittableRandom(seed.hashCode());
        StringBuilder hash = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            hash.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return hash.toString();
    }
}
