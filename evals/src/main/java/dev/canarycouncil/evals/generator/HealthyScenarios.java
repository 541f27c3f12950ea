package dev.canarycouncil.evals.generator;

import static dev.canarycouncil.evals.generator.BrokenScenarios.demoApp;
import static dev.canarycouncil.evals.generator.Scenarios.healthy;
import static dev.canarycouncil.evals.generator.Scenarios.scenario;
import static dev.canarycouncil.evals.generator.Scenarios.style;

import dev.canarycouncil.runtime.schema.Decision;
import java.util.List;

/**
 * Canaries an expert would promote, several of them on purpose hard to tell from broken ones
 * (new log lines, noisy or failing stable sides, small differences within tolerance), plus the
 * low-traffic ones no one can judge yet.
 */
final class HealthyScenarios {

    private HealthyScenarios() {}

    static List<ScenarioConfig> all() {
        return List.of(
                versionBannerChange(),
                featureFlagLine(),
                newDebugLine(),
                renamedLogField(),
                noisyButEqual(),
                stableAlsoErroring(),
                latencyPlusFivePercent(),
                sharedStartupWarning(),
                goTwoCanaryPods(),
                springTwoCanaryPods(),
                djangoWishlist(),
                flaskTwoCanaryPods(),
                nginxDocsSite(),
                nginxTwoCanaryPods(),
                demoAppYellow(),
                demoAppHalfWeight(),
                memoryWithinTolerance(),
                newDeprecationWarning(),
                sameErrorsBothSides(),
                lowTrafficOvernight(),
                lowTrafficAdminConsole());
    }

    /** The only differences are in the start-up banner: the app's version and a newer Java runtime. */
    static ScenarioConfig versionBannerChange() {
        ScenarioConfig c = healthy(
                scenario("healthy-version-banner-change", "identity", "accounts", "3.3.1", "3.4.0"),
                "Healthy: the canary's start-up banner names a new version and Java 21.0.5 instead of 21.0.3; traffic, errors and latency match stable.");
        style(c, new SpringBootStyle("c.e.accounts"));
        c.canary.style = new SpringBootStyle("c.e.accounts", "21.0.5");
        c.keepStartupOfOldPods = true;
        c.requestMethod = "GET";
        c.requestPath = "/api/accounts/me";
        return c;
    }

    /** A new INFO line at start-up about a feature flag. */
    static ScenarioConfig featureFlagLine() {
        ScenarioConfig c = healthy(
                scenario("healthy-feature-flag-enabled", "storefront", "checkout", "2.7.3", "2.8.0"),
                "Healthy: the canary logs a new INFO line \"feature flag new-checkout enabled\" at start-up; metrics match stable.");
        c.canary.startupNotes = List.of(LogNote.info("flags", "feature flag new-checkout enabled rollout=100%"));
        return c;
    }

    /** The canary logs a DEBUG line with a share of requests that stable does not log. */
    static ScenarioConfig newDebugLine() {
        ScenarioConfig c = healthy(
                scenario("healthy-new-debug-line", "search", "search-suggest", "1.11.2", "1.12.0"),
                "Healthy: the canary logs a new DEBUG line about its suggestion cache on many requests; no errors, same latency.");
        style(c, new PythonStyle("suggest", PythonStyle.Framework.DJANGO));
        c.requestMethod = "GET";
        c.requestPath = "/api/suggest/";
        c.stable.errorRatio = 0.001;
        c.canary.errorRatio = 0.001;
        c.canary.requestNotes =
                List.of(LogNote.debug("suggest.cache", "suggestion cache hit prefix_hash={id} ttl=300s"));
        c.canary.requestNoteRatio = 0.4;
        return c;
    }

    /** A log field renamed between versions: duration= becomes latency=. */
    static ScenarioConfig renamedLogField() {
        ScenarioConfig c = healthy(
                scenario("healthy-renamed-log-field", "warehouse", "inventory", "5.0.9", "5.1.0"),
                "Healthy: the canary's request log renames the field duration= to latency=; values and error rate match stable.");
        c.canary.style = new GoLogrusStyle("go1.22.4", "latency");
        c.requestPath = "/api/stock";
        return c;
    }

    /** High latency variance and a few 502s from the mesh on both sides, at the same rate. */
    static ScenarioConfig noisyButEqual() {
        ScenarioConfig c = healthy(
                scenario("healthy-noisy-equal-metrics", "edge", "gateway", "1.20.4", "1.21.0"),
                "Healthy but noisy: both sides have very variable latency and about 1.2% random 502s from the mesh; the canary is no worse than stable.");
        c.requestMethod = "GET";
        c.requestPath = "/v1/route";
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.rps = 30;
            b.latencyMedianMs = 60;
            b.latencySigma = 1.1;
            b.errorRatio = 0.012;
            b.errorStatus = 502;
            b.errorDetail =
                    "error=\"upstream connect error or disconnect/reset before headers. reset reason: connection termination\"";
        }
        return c;
    }

    /** Stable already fails 3% because an upstream is degraded; the canary fails the same way, equally often. */
    static ScenarioConfig stableAlsoErroring() {
        ScenarioConfig c = healthy(
                scenario("healthy-stable-also-erroring-upstream", "shop", "product-page", "7.2.0", "7.3.0"),
                "Healthy: stable already answers 3% 502 because recommendations-service is degraded (a known, separate issue); the canary fails the same 3% with the same error.");
        style(c, new SpringBootStyle("c.e.productpage"));
        c.requestMethod = "GET";
        c.requestPath = "/api/product-page";
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.errorRatio = 0.03;
            b.errorStatus = 502;
            b.errorNotes = List.of(LogNote.error(
                    "c.e.productpage.client.RecommendationsClient",
                    "GET http://recommendations.shop.svc:8080/v1/recs?product={id} failed: 503 Service Unavailable"));
        }
        return c;
    }

    /** Five percent slower: inside every tolerance. */
    static ScenarioConfig latencyPlusFivePercent() {
        ScenarioConfig c = healthy(
                scenario("healthy-latency-plus-5-percent", "catalog", "reviews", "2.2.0", "2.3.0"),
                "Healthy: the canary is about 5% slower (median 42 ms vs 40 ms), well within tolerance; no errors.");
        style(c, new PythonStyle("reviews", PythonStyle.Framework.DJANGO));
        c.requestMethod = "GET";
        c.requestPath = "/api/reviews/";
        c.stable.errorRatio = 0.001;
        c.canary.errorRatio = 0.001;
        c.stable.latencyMedianMs = 40;
        c.canary.latencyMedianMs = 42;
        return c;
    }

    /** Spring Boot's open-in-view warning, printed by every pod of both versions at start-up. */
    static ScenarioConfig sharedStartupWarning() {
        ScenarioConfig c = healthy(
                scenario("healthy-shared-startup-warn", "billing", "billing-api", "4.0.2", "4.1.0"),
                "Healthy: the canary logs one WARN at start-up (spring.jpa.open-in-view), which every stable pod logged at its own start-up too.");
        style(c, new SpringBootStyle("c.e.billing"));
        c.keepStartupOfOldPods = true;
        c.requestPath = "/api/billing/charges";
        List<LogNote> openInView = List.of(LogNote.warn(
                "o.s.b.a.o.j.JpaBaseConfiguration$JpaWebConfiguration",
                "spring.jpa.open-in-view is enabled by default. Therefore, database queries may be performed during view "
                        + "rendering. Explicitly configure spring.jpa.open-in-view to disable this warning"));
        c.stable.startupNotes = openInView;
        c.canary.startupNotes = openInView;
        return c;
    }

    static ScenarioConfig goTwoCanaryPods() {
        ScenarioConfig c = healthy(
                scenario("healthy-go-two-canary-pods", "payments", "transfers", "6.4.1", "6.5.0"),
                "Healthy Go service with two canary pods and four stable pods at 33% weight; both canary pods match stable.");
        c.requestPath = "/api/transfers";
        c.stablePods = 3;
        c.canaryPods = 2;
        c.canaryWeight = 40;
        c.logLinesPerSecond = 0.35;
        return c;
    }

    static ScenarioConfig springTwoCanaryPods() {
        ScenarioConfig c = healthy(
                scenario("healthy-spring-two-canary-pods", "billing", "statements", "2.9.0", "2.10.0"),
                "Healthy Spring Boot service with two canary pods; errors, latency, memory and CPU match stable.");
        style(c, new SpringBootStyle("c.e.statements"));
        c.requestMethod = "GET";
        c.requestPath = "/api/statements";
        c.canaryPods = 2;
        c.canaryWeight = 40;
        c.logLinesPerSecond = 0.35;
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.memoryMb = 420;
            b.memoryLimitMb = 1024;
            b.latencyMedianMs = 55;
        }
        return c;
    }

    static ScenarioConfig djangoWishlist() {
        ScenarioConfig c = healthy(
                scenario("healthy-django-wishlist", "shop", "wishlist", "1.4.2", "1.5.0"),
                "Healthy Django app behind gunicorn: the canary's access log, errors and latency match stable.");
        style(c, new PythonStyle("wishlist", PythonStyle.Framework.DJANGO));
        c.requestPath = "/api/wishlist/items/";
        c.stable.errorRatio = 0.002;
        c.canary.errorRatio = 0.002;
        c.stable.latencyMedianMs = 35;
        c.canary.latencyMedianMs = 35;
        return c;
    }

    static ScenarioConfig flaskTwoCanaryPods() {
        ScenarioConfig c = healthy(
                scenario("healthy-flask-two-canary-pods", "risk", "fraud-score", "0.18.3", "0.19.0"),
                "Healthy Flask scoring service with two canary pods; both match stable.");
        style(c, new PythonStyle("scoring", PythonStyle.Framework.FLASK));
        c.requestPath = "/api/score";
        c.canaryPods = 2;
        c.logLinesPerSecond = 0.35;
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.errorRatio = 0.001;
            b.latencyMedianMs = 18;
            b.memoryMb = 240;
            b.cpuCores = 0.3;
        }
        return c;
    }

    static ScenarioConfig nginxDocsSite() {
        ScenarioConfig c = healthy(
                scenario("healthy-nginx-docs-site", "web", "docs-site", "2026.04.2", "2026.05.0"),
                "Healthy nginx static site: new content, same status codes and response times.");
        nginx(c, "/docs/getting-started/");
        return c;
    }

    static ScenarioConfig nginxTwoCanaryPods() {
        ScenarioConfig c = healthy(
                scenario("healthy-nginx-two-canary-pods", "web", "static-assets", "3.1.0", "3.2.0"),
                "Healthy nginx asset server with two canary pods; both match stable.");
        nginx(c, "/assets/app.js");
        c.canaryPods = 2;
        c.stablePods = 2;
        c.canaryWeight = 50;
        return c;
    }

    static ScenarioConfig demoAppYellow() {
        ScenarioConfig c = healthy(
                scenario("healthy-demo-app-yellow", "argo-rollouts-demo", "rollouts-demo", "blue", "yellow"),
                "Healthy Argo Rollouts demo app: the canary serves yellow instead of blue; no errors on either side.");
        demoApp(c, "blue", "yellow");
        return c;
    }

    static ScenarioConfig demoAppHalfWeight() {
        ScenarioConfig c = healthy(
                scenario("healthy-demo-app-weight-50", "demo", "rollouts-demo", "green", "purple"),
                "Healthy Argo Rollouts demo app at 50% weight: two canary pods serve purple, two stable pods green.");
        demoApp(c, "green", "purple");
        c.stablePods = 2;
        c.canaryPods = 2;
        c.canaryWeight = 50;
        return c;
    }

    /** A little more memory than stable, inside the allowed increase. */
    static ScenarioConfig memoryWithinTolerance() {
        ScenarioConfig c = healthy(
                scenario("healthy-memory-within-tolerance", "catalog", "ratings", "1.9.4", "1.10.0"),
                "Healthy: the canary uses about 10% more memory than stable (198 vs 180 MiB), flat, no growth; everything else matches.");
        c.requestMethod = "GET";
        c.requestPath = "/api/ratings";
        c.canary.memoryMb = 198;
        return c;
    }

    /** A new WARN on some requests about a deprecated parameter that is still supported. */
    static ScenarioConfig newDeprecationWarning() {
        ScenarioConfig c = healthy(
                scenario("healthy-new-deprecation-warn", "catalog", "catalog-api", "8.1.0", "8.2.0"),
                "Healthy: the canary warns on about 5% of requests that an old client uses a deprecated (still supported) query parameter; responses are fine.");
        c.requestMethod = "GET";
        c.requestPath = "/api/products";
        c.canary.requestNotes = List.of(LogNote.warn(
                "api",
                "request used deprecated query parameter sort_by; use sort "
                        + "(still accepted until 2026-09-30) client=ios-app/7.2"));
        c.canary.requestNoteRatio = 0.05;
        return c;
    }

    /** Both sides log the same operational error (statsd is down), equally often. */
    static ScenarioConfig sameErrorsBothSides() {
        ScenarioConfig c = healthy(
                scenario("healthy-same-errors-both-sides", "messaging", "email-sender", "4.4.0", "4.5.0"),
                "Healthy: both sides log ERROR \"failed to flush metrics to statsd\" at the same rate (the statsd agent is down); requests succeed on both.");
        c.requestPath = "/api/emails";
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.requestNotes = List.of(LogNote.error(
                    "metrics",
                    "failed to flush metrics to statsd: write udp "
                            + "10.244.2.9:41234->10.96.14.3:8125: write: connection refused"));
            b.requestNoteRatio = 0.03;
        }
        return c;
    }

    /** Night-time traffic: the canary sees a few dozen requests, too few to judge. */
    static ScenarioConfig lowTrafficOvernight() {
        ScenarioConfig c = lowTraffic(
                scenario("inconclusive-low-traffic-overnight", "payments", "payouts", "2.0.4", "2.1.0"),
                "Too little traffic to judge: the canary serves about 0.05 requests per second (about 30 in the window), all successful.",
                "about 30");
        c.requestPath = "/api/payouts";
        c.stablePods = 2;
        c.stable.rps = 0.2;
        c.canary.rps = 0.05;
        return c;
    }

    static ScenarioConfig lowTrafficAdminConsole() {
        ScenarioConfig c = lowTraffic(
                scenario("inconclusive-low-traffic-admin-console", "internal", "admin-console", "1.15.0", "1.16.0"),
                "Too little traffic to judge: an internal admin console whose canary gets about 0.1 requests per second (about 60 in the window), no errors.",
                "about 60");
        style(c, new SpringBootStyle("c.e.admin"));
        c.requestMethod = "GET";
        c.requestPath = "/admin/users";
        c.stablePods = 2;
        c.stable.rps = 0.25;
        c.canary.rps = 0.1;
        return c;
    }

    private static ScenarioConfig lowTraffic(ScenarioConfig c, String description, String requests) {
        c.description = description;
        c.expected = Decision.INCONCLUSIVE;
        c.failureClass = "low-traffic";
        c.rootCause =
                "too little canary traffic to judge: " + requests + " requests in the 10-minute window, fewer than "
                        + "the 100 the metric set needs; nothing failed, but nothing is proven either";
        c.rootCauseKeywords = List.of("traffic", "requests");
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0;
        return c;
    }

    private static void nginx(ScenarioConfig c, String path) {
        style(c, new NginxStyle());
        c.container = "nginx";
        c.cacheRefreshLog = false;
        c.logLinesPerSecond = 0.35; // access-log lines are long
        c.requestMethod = "GET";
        c.requestPath = path;
        for (PodBehaviour b : List.of(c.stable, c.canary)) {
            b.errorRatio = 0.0005;
            b.errorStatus = 503;
            b.latencyMedianMs = 3;
            b.memoryMb = 14;
            b.cpuCores = 0.03;
        }
    }
}
