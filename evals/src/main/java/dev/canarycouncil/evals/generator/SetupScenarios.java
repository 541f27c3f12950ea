package dev.canarycouncil.evals.generator;

import static dev.canarycouncil.evals.generator.Scenarios.broken;
import static dev.canarycouncil.evals.generator.Scenarios.healthy;
import static dev.canarycouncil.evals.generator.Scenarios.scenario;
import static dev.canarycouncil.evals.generator.Scenarios.style;

import dev.canarycouncil.runtime.schema.Decision;
import java.time.Duration;
import java.util.List;

/**
 * The setups users run around their services: metrics in the conventions of OpenTelemetry, Spring
 * Boot's Micrometer, Istio and Linkerd, scraped pod by pod; no metrics source at all (logs only);
 * and logs in a format no reader knows.
 */
final class SetupScenarios {

    private SetupScenarios() {}

    static List<ScenarioConfig> all() {
        return List.of(
                otelLatency(),
                otelHealthy(),
                micrometerSilent500s(),
                micrometerHealthy(),
                istio5xx(),
                istioHealthy(),
                linkerdLatency(),
                linkerdHealthy(),
                logsOnlyGoPanic(),
                logsOnlyJavaNpe(),
                logsOnlyHealthyGo(),
                logsOnlyHealthySpring(),
                unreadableLogs());
    }

    static ScenarioConfig otelLatency() {
        ScenarioConfig c = broken(
                scenario("latency-regression-opentelemetry-orders", "shop", "orders", "5.2.0", "5.3.0"),
                "latency-regression",
                "Canary is three times slower (OpenTelemetry http.server.request.duration, scraped per pod) with no "
                        + "errors: 5.3.0 reloads the price list on every order.",
                "latency regression only: p95 latency about 3x stable (http_server_request_duration_seconds), no errors "
                        + "or restarts; 5.3.0 reloads the price list on every request",
                "latency",
                "p95");
        c.metrics = MetricConvention.OPENTELEMETRY;
        c.stablePods = 2;
        c.requestPath = "/api/orders";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0;
        c.stable.latencyMedianMs = 35;
        c.canary.latencyMedianMs = 105;
        return c;
    }

    static ScenarioConfig otelHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-opentelemetry-per-pod", "shop", "shipping", "2.0.1", "2.1.0"),
                "Healthy service instrumented with OpenTelemetry and scraped per pod (namespace and pod labels only).");
        c.metrics = MetricConvention.OPENTELEMETRY;
        c.stablePods = 2;
        c.requestPath = "/api/shipping/rates";
        return c;
    }

    static ScenarioConfig micrometerSilent500s() {
        ScenarioConfig c = broken(
                scenario("silent-500s-spring-micrometer-payments", "payments", "payment-gateway", "6.1.0", "6.2.0"),
                "5xx-spike",
                "Canary answers about 4% of requests with 500 that it never logs (Spring Boot, Micrometer metrics "
                        + "http_server_requests_seconds with a status tag; the request log is off).",
                "5xx ratio about 4% on the canary against none on stable (http_server_requests_seconds status=500), "
                        + "with nothing in the logs",
                "5xx",
                "ratio");
        style(c, new SpringBootStyle("c.e.payments"));
        c.metrics = MetricConvention.SPRING_BOOT;
        c.stablePods = 2;
        c.requestPath = "/api/payments";
        c.logLinesPerSecond = 0;
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.04;
        return c;
    }

    static ScenarioConfig micrometerHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-spring-micrometer-ledger", "payments", "ledger", "3.3.0", "3.4.0"),
                "Healthy Spring Boot service with Micrometer metrics (no histogram buckets, a summary) scraped per pod.");
        style(c, new SpringBootStyle("c.e.ledger"));
        c.metrics = MetricConvention.SPRING_BOOT;
        c.stablePods = 2;
        c.requestPath = "/api/ledger/entries";
        return c;
    }

    static ScenarioConfig istio5xx() {
        ScenarioConfig c = broken(
                scenario("5xx-spike-istio-reviews", "bookinfo", "reviews", "1.17.0", "1.18.0"),
                "5xx-spike",
                "Canary answers 503 to about 12% of requests (Istio metrics istio_requests_total from the pods' sidecars): "
                        + "its call to ratings fails on a renamed port.",
                "503 responses from the canary (about 12%, istio_requests_total response_code=503): dial tcp "
                        + "ratings:9081: connection refused, the ratings port was renamed in 1.18.0",
                "ratings",
                "connection refused");
        c.metrics = MetricConvention.ISTIO;
        c.stablePods = 2;
        c.requestMethod = "GET";
        c.requestPath = "/reviews/0";
        c.stable.errorRatio = 0.001;
        c.canary.errorRatio = 0.12;
        c.canary.errorStatus = 503;
        c.canary.errorDetail = "error=\"dial tcp ratings:9081: connect: connection refused\"";
        c.canary.errorMessages =
                List.of("fetching ratings failed: dial tcp ratings:9081: connect: connection refused product={id}");
        return c;
    }

    static ScenarioConfig istioHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-istio-details", "bookinfo", "details", "1.17.0", "1.18.0"),
                "Healthy service behind Istio sidecars: istio_requests_total and request durations match stable's.");
        c.metrics = MetricConvention.ISTIO;
        c.stablePods = 2;
        c.requestMethod = "GET";
        c.requestPath = "/details/0";
        return c;
    }

    static ScenarioConfig linkerdLatency() {
        ScenarioConfig c = broken(
                scenario("latency-regression-linkerd-search", "search", "query", "8.4.0", "8.5.0"),
                "latency-regression",
                "Canary behind Linkerd is about three times slower (response_latency_ms), no failures: 8.5.0 disabled its "
                        + "result cache.",
                "latency regression only: p95 time to first byte about 3x stable (Linkerd response_latency_ms), no "
                        + "failures; 8.5.0 disabled the result cache",
                "latency",
                "p95");
        c.metrics = MetricConvention.LINKERD;
        c.stablePods = 2;
        c.requestMethod = "GET";
        c.requestPath = "/query";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0;
        c.stable.latencyMedianMs = 30;
        c.canary.latencyMedianMs = 95;
        return c;
    }

    static ScenarioConfig linkerdHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-linkerd-profiles", "identity", "profiles", "2.6.0", "2.7.0"),
                "Healthy service in a Linkerd mesh: response_total by classification and response latency match stable's.");
        c.metrics = MetricConvention.LINKERD;
        c.stablePods = 2;
        c.requestMethod = "GET";
        c.requestPath = "/profiles/me";
        return c;
    }

    static ScenarioConfig logsOnlyGoPanic() {
        ScenarioConfig c = broken(
                scenario("logs-only-go-panic-vouchers", "shop", "vouchers", "1.2.0", "1.3.0"),
                "go-panic",
                "No metrics source (logs only): the canary panics with a nil map assignment in redeem and crash-loops.",
                "panic: assignment to entry in nil map in main.(*Store).redeem (store.go:61): the per-customer limits map "
                        + "is never made in 1.3.0",
                "nil map",
                "redeem",
                "store.go:61");
        c.metrics = MetricConvention.NONE;
        c.requestPath = "/api/vouchers/redeem";
        c.canary.crashAfter = Duration.ofSeconds(55);
        c.canary.crashTrace = List.of(
                "panic: assignment to entry in nil map",
                "",
                "goroutine 211 [running]:",
                "main.(*Store).redeem(0xc000126040, {0xc0001b6030, 0x9})",
                "\t/app/store.go:61 +0x9d",
                "main.(*Server).handleRedeem(0xc000114000, {0x8c3d70, 0xc0001c20e0}, 0xc0001b0200)",
                "\t/app/server.go:47 +0x1b4",
                "created by main.(*Server).drain in goroutine 1",
                "\t/app/server.go:30 +0x85");
        return c;
    }

    static ScenarioConfig logsOnlyJavaNpe() {
        ScenarioConfig c = broken(
                scenario("logs-only-java-npe-orders", "shop", "orders", "2.4.3", "2.5.0"),
                "java-exception",
                "No metrics source (logs only): the canary throws NullPointerException in OrderController.placeOrder "
                        + "for guest checkouts, about 18% of orders.",
                "java.lang.NullPointerException at OrderController.placeOrder(OrderController.java:87): user is null for "
                        + "guest checkouts",
                "NullPointerException",
                "OrderController.placeOrder",
                "OrderController.java:87");
        style(c, new SpringBootStyle("c.e.api"));
        c.metrics = MetricConvention.NONE;
        c.requestPath = "/api/orders";
        c.logLinesPerSecond = 0.3;
        c.canary.errorRatio = 0.18;
        c.canary.errorNotes = List.of(LogNote.error(
                "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception "
                        + "[Request processing failed: " + Traces.NPE_MESSAGE + "] with root cause"));
        c.canary.errorTrace = Traces.JAVA_NPE_ORDERS;
        return c;
    }

    static ScenarioConfig logsOnlyHealthyGo() {
        ScenarioConfig c = healthy(
                scenario("logs-only-healthy-go-checkout", "shop", "checkout", "1.8.2", "1.9.0"),
                "Healthy canary without any metrics source (logs only): logrus lines, errors and pods match stable.");
        c.metrics = MetricConvention.NONE;
        c.stable.successDetail = "color=blue";
        c.canary.successDetail = "color=green";
        return c;
    }

    static ScenarioConfig logsOnlyHealthySpring() {
        ScenarioConfig c = healthy(
                scenario("logs-only-healthy-spring-accounts", "identity", "accounts", "3.4.0", "3.5.0"),
                "Healthy Spring Boot canary without any metrics source (logs only).");
        style(c, new SpringBootStyle("c.e.accounts"));
        c.metrics = MetricConvention.NONE;
        c.requestMethod = "GET";
        c.requestPath = "/api/accounts/me";
        return c;
    }

    static ScenarioConfig unreadableLogs() {
        ScenarioConfig c = scenario("inconclusive-unreadable-log-format", "legacy", "billing-bridge", "4.0.2", "4.1.0");
        c.description =
                "Healthy metrics, but the service logs in a home-made format with neither timestamps nor levels: "
                        + "the log analyst cannot read it and says so, and the council does not promote on metrics alone.";
        c.expected = Decision.INCONCLUSIVE;
        c.failureClass = "unreadable-logs";
        c.rootCause = "undetermined: the canary's logs are in no known log format, so only the metrics could be judged";
        c.rootCauseKeywords = List.of("logs", "format");
        style(c, new PipeStyle());
        c.requestPath = "/bridge/invoice";
        c.cacheRefreshLog = false;
        return c;
    }
}
