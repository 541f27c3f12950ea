package dev.canarycouncil.evals.generator;

import static dev.canarycouncil.evals.generator.Scenarios.broken;
import static dev.canarycouncil.evals.generator.Scenarios.scenario;
import static dev.canarycouncil.evals.generator.Scenarios.style;

import java.time.Duration;
import java.util.List;

/**
 * Canaries an expert would roll back, one or more per kind of failure. The root cause and its
 * keywords are the scenario's ground truth: what the simulated bug is, as the evidence shows it.
 */
final class BrokenScenarios {

    private BrokenScenarios() {}

    static List<ScenarioConfig> all() {
        return List.of(
                goNilPointerCoupons(),
                javaNpeExceptionStorm(),
                javaCausedByNotNullConstraint(),
                pythonKeyErrorDjango(),
                pythonTypeErrorFlask(),
                oomCrashLoopThumbnailer(),
                imagePullTagTypo(),
                nginxUpstreamRefused(),
                demoAppBadRed(),
                latencyNPlusOne(),
                memoryLeakSessions(),
                dependencyTimeoutInventory(),
                configMissingDatabaseUrl(),
                springApplicationFailedToStart(),
                silentNegativeTotal(),
                silentTemplateRender(),
                partialFailureLeader());
    }

    /** A goroutine started by the handler dereferences a nil campaign; nothing recovers it and the process dies. */
    static ScenarioConfig goNilPointerCoupons() {
        ScenarioConfig c = broken(
                scenario("go-nil-pointer-sigsegv-coupons", "shop", "promotions", "2.0.3", "2.1.0"),
                "go-panic",
                "Canary panics with a nil pointer dereference (SIGSEGV) in recordRedemption for coupons without a campaign and crash-loops.",
                "panic: runtime error: invalid memory address or nil pointer dereference [SIGSEGV] in "
                        + "main.(*Server).recordRedemption (coupons.go:58): coupons created outside a campaign have a nil "
                        + "Campaign, and the goroutine handleApply starts is not covered by net/http's recovery, so the "
                        + "process exits and the pod crash-loops",
                "nil pointer dereference",
                "recordRedemption",
                "coupons.go:58");
        c.requestPath = "/api/promotions/apply";
        c.canary.crashAfter = Duration.ofSeconds(48);
        c.canary.crashTrace = List.of(
                "panic: runtime error: invalid memory address or nil pointer dereference",
                "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7a3f1c]",
                "",
                "goroutine 4127 [running]:",
                "main.(*Server).recordRedemption(0xc000118000, 0xc0003ae0f0, {0xc00041c0a8, 0x8})",
                "\t/app/coupons.go:58 +0x11c",
                "created by main.(*Server).handleApply in goroutine 4119",
                "\t/app/coupons.go:41 +0x2a5");
        c.repository.put("coupons.go", GoSources.COUPONS_GO);
        return c;
    }

    /** Guest checkouts have no user: placeOrder throws on a share of requests, which end as 500. */
    static ScenarioConfig javaNpeExceptionStorm() {
        ScenarioConfig c = broken(
                scenario("java-npe-exception-storm-orders", "shop", "orders", "2.4.3", "2.5.0"),
                "java-exception",
                "Canary throws NullPointerException in OrderController.placeOrder for guest checkouts: about 18% of orders fail with HTTP 500.",
                "java.lang.NullPointerException at OrderController.placeOrder(OrderController.java:87): user is null "
                        + "(UserDirectory.bySessionToken returns null for guest checkouts) when user.getId() is called; "
                        + "about 18% of POST /api/orders fail with HTTP 500",
                "NullPointerException",
                "OrderController.placeOrder",
                "OrderController.java:87");
        style(c, new SpringBootStyle("c.e.api"));
        c.requestPath = "/api/orders";
        c.logLinesPerSecond = 0.3; // each failure logs a 25-line stack trace
        c.canary.errorRatio = 0.18;
        c.canary.errorNotes = List.of(LogNote.error(
                "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
                "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception "
                        + "[Request processing failed: " + Traces.NPE_MESSAGE + "] with root cause"));
        c.canary.errorTrace = Traces.JAVA_NPE_ORDERS;
        c.repository.put("src/main/java/com/example/api/OrderController.java", JavaSources.ORDER_CONTROLLER_JAVA);
        return c;
    }

    /** A new NOT NULL column the service leaves empty for some orders; the exception chain ends in Postgres. */
    static ScenarioConfig javaCausedByNotNullConstraint() {
        ScenarioConfig c = broken(
                scenario("java-exception-caused-by-not-null-constraint", "billing", "invoices", "3.1.4", "3.2.0"),
                "java-exception",
                "Canary fails to create invoices for marketplace orders: DataIntegrityViolationException caused by a "
                        + "not-null violation on currency_code; about 11% of requests answer 500.",
                "DataIntegrityViolationException caused by PSQLException: null value in column \"currency_code\" of "
                        + "relation \"invoices\" violates not-null constraint; InvoiceService.create (InvoiceService.java:40) "
                        + "leaves currency_code unset for orders without a price list, so about 11% of invoice creations "
                        + "fail with HTTP 500",
                "currency_code",
                "not-null constraint",
                "InvoiceService");
        style(c, new SpringBootStyle("c.e.invoices"));
        c.requestPath = "/api/invoices";
        c.logLinesPerSecond = 0.3; // each failure logs a 36-line exception chain
        c.canary.errorRatio = 0.11;
        c.canary.errorNotes =
                List.of(LogNote.error("c.e.invoices.web.InvoiceController", "Failed to create invoice for order {id}"));
        c.canary.errorTrace = Traces.JAVA_INVOICE_NOT_NULL;
        c.repository.put(
                "src/main/java/com/example/invoices/service/InvoiceService.java", JavaSources.INVOICE_SERVICE_JAVA);
        return c;
    }

    /** Django view reads a VAT table that misses some countries. */
    static ScenarioConfig pythonKeyErrorDjango() {
        ScenarioConfig c = broken(
                scenario("python-keyerror-django-cart", "shop", "cart", "3.0.7", "3.1.0"),
                "python-exception",
                "Canary's Django cart view raises KeyError for shipping countries missing from its new VAT table: about 6% of cart totals fail with 500.",
                "KeyError: 'IE' in cart_total (cart/views.py, line 48): TAX_RATES has no rate for some shipping "
                        + "countries (3.1.0 reads VAT from this table instead of the tax service), so those carts get HTTP 500",
                "KeyError",
                "cart_total",
                "TAX_RATES");
        style(c, new PythonStyle("cart", PythonStyle.Framework.DJANGO));
        c.requestPath = "/api/cart/total/";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.06;
        c.canary.errorNotes = List.of(LogNote.error("django.request", "Internal Server Error: /api/cart/total/"));
        c.canary.errorTrace = Traces.DJANGO_KEYERROR;
        c.repository.put("cart/views.py", PythonSources.CART_VIEWS_PY);
        return c;
    }

    /** Flask view multiplies by None for applicants without an age. */
    static ScenarioConfig pythonTypeErrorFlask() {
        ScenarioConfig c = broken(
                scenario("python-typeerror-flask-quotes", "insurance", "quotes", "1.6.2", "1.7.0"),
                "python-exception",
                "Canary's Flask quote endpoint raises TypeError (float * None) when no age is sent: about 9% of quotes fail with 500.",
                "TypeError: unsupported operand type(s) for *: 'float' and 'NoneType' in create_quote (quotes/app.py, "
                        + "line 37): risk_factor now returns None when the request has no age (travel quotes) or the age is "
                        + "over 80, and those quotes fail with HTTP 500",
                "TypeError",
                "NoneType",
                "risk_factor");
        style(c, new PythonStyle("quotes", PythonStyle.Framework.FLASK));
        c.requestPath = "/api/quotes";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.09;
        c.canary.errorNotes = List.of(LogNote.error("app", "Exception on /api/quotes [POST]"));
        c.canary.errorTrace = Traces.FLASK_TYPEERROR;
        c.repository.put("quotes/app.py", PythonSources.QUOTES_APP_PY);
        return c;
    }

    /** A Go image service that decodes every upload at once; the kernel kills it at its limit. */
    static ScenarioConfig oomCrashLoopThumbnailer() {
        ScenarioConfig c = broken(
                scenario("oom-crashloop-thumbnailer", "media", "thumbnailer", "1.3.1", "1.4.0"),
                "oom-crashloop",
                "Canary thumbnailer's memory climbs about 250 MiB a minute after each start; it is OOMKilled (exit 137) at its 256Mi limit and crash-loops.",
                "container OOMKilled (exit 137) again and again at its 256Mi memory limit: the canary's working set "
                        + "climbs about 250 MiB/min after each start while stable stays flat near 140 MiB",
                "OOMKilled",
                "memory",
                "limit");
        c.requestPath = "/v1/thumbnails";
        c.stable.memoryMb = 140;
        c.stable.memoryLimitMb = 256;
        c.canary.memoryMb = 150;
        c.canary.memoryGrowthMbPerMinute = 250;
        c.canary.memoryLimitMb = 256;
        c.canary.latencyMedianMs = 30;
        c.canary.crashAfter = Duration.ofSeconds(52);
        c.canary.crashReason = "OOMKilled";
        c.canary.crashExitCode = 137;
        return c;
    }

    /** The Rollout names a tag CI never pushed; the canary pod never starts. */
    static ScenarioConfig imagePullTagTypo() {
        ScenarioConfig c = broken(
                scenario("imagepullbackoff-tag-typo", "shop", "recommendations", "2.2.4", "2.3.0"),
                "image-pull",
                "Canary pod never starts: its image tag v2.3.0 does not exist (CI pushes 2.3.0), ImagePullBackOff with manifest unknown.",
                "ImagePullBackOff: the canary image registry.example.com/recommendations:v2.3.0 does not exist "
                        + "(manifest unknown); CI pushes tags without the 'v' (stable runs :2.2.4), so the canary pod never "
                        + "starts and serves no traffic",
                "ImagePullBackOff",
                "manifest unknown",
                "v2.3.0");
        c.requestPath = "/api/recommendations";
        c.canary.image = "registry.example.com/recommendations:v2.3.0";
        c.canary.imagePullError = "rpc error: code = Unknown desc = Error response from daemon: manifest for "
                + "registry.example.com/recommendations:v2.3.0 not found: manifest unknown: manifest unknown";
        neverAvailable(c);
        return c;
    }

    /** nginx proxies one API route to a sidecar the pod does not have; that route answers 502. */
    static ScenarioConfig nginxUpstreamRefused() {
        ScenarioConfig c = broken(
                scenario("5xx-spike-nginx-upstream-refused", "web", "storefront", "5.2.1", "5.3.0"),
                "5xx-spike",
                "Canary nginx proxies /api/catalog to 127.0.0.1:8081, where nothing listens: about 30% of requests answer 502.",
                "502 Bad Gateway on about 30% of requests (/api/catalog): the canary's nginx proxies the catalogue API "
                        + "to 127.0.0.1:8081, a catalog-cache sidecar the pod does not have, and logs connect() failed "
                        + "(111: Connection refused) while connecting to upstream",
                "502",
                "connection refused",
                "upstream");
        style(c, new NginxStyle());
        c.container = "nginx";
        c.cacheRefreshLog = false;
        c.logLinesPerSecond = 0.35; // access-log lines are long
        c.requestMethod = "GET";
        c.requestPath = "/api/cart";
        c.stable.errorRatio = 0.001;
        c.stable.errorStatus = 502;
        c.canary.errorRatio = 0.3;
        c.canary.errorStatus = 502;
        c.canary.errorPath = "/api/catalog";
        c.canary.errorLatencyMs = 1;
        c.canary.errorNotes = List.of(LogNote.error(
                "proxy",
                "connect() failed (111: Connection refused) while connecting "
                        + "to upstream, client: 10.244.3.17, server: _, request: \"GET /api/catalog HTTP/1.1\", upstream: "
                        + "\"http://127.0.0.1:8081/api/catalog\", host: \"shop.example.com\""));
        c.repository.put("nginx/default.conf", NginxSource.DEFAULT_CONF);
        return c;
    }

    /** The Argo Rollouts demo's "bad" image, which answers 502 to part of its requests. */
    static ScenarioConfig demoAppBadRed() {
        ScenarioConfig c = broken(
                scenario("5xx-spike-demo-bad-red", "rollouts-demo", "rollouts-demo", "blue", "bad-red"),
                "5xx-spike",
                "Argo Rollouts demo app: the canary image bad-red answers 502 to about 15% of /color requests; stable blue never fails.",
                "the canary image argoproj/rollouts-demo:bad-red answers HTTP 502 to about 15% of /color requests "
                        + "(it logs \"Returning 502\"); stable blue returns no errors, so the 5xx error rate jumps",
                "502",
                "bad-red",
                "error rate");
        demoApp(c, "blue", "red");
        c.canary.errorRatio = 0.15;
        c.canary.errorStatus = 502;
        c.canary.errorDetail = "\"red\"";
        c.canary.errorNotes = List.of(LogNote.info("app", "Returning 502"));
        return c;
    }

    /** Every product card now costs a query: three times the latency, no errors at all. */
    static ScenarioConfig latencyNPlusOne() {
        ScenarioConfig c = broken(
                scenario("latency-regression-n-plus-one", "catalog", "catalog", "4.1.5", "4.2.0"),
                "latency-regression",
                "Canary's product list is three times slower (p50, p95 and p99) with no errors or restarts: one reviews query per product.",
                "latency regression only: p95 and p99 latency are about 3x stable (median ~115 ms vs ~38 ms) with no "
                        + "errors or restarts; 4.2.0's product_list reads reviews once per product (N+1 queries, "
                        + "catalog/views.py)",
                "latency",
                "p95",
                "p99");
        style(c, new PythonStyle("catalog", PythonStyle.Framework.DJANGO));
        c.requestMethod = "GET";
        c.requestPath = "/api/products/";
        c.stable.errorRatio = 0;
        c.stable.latencyMedianMs = 38;
        c.canary.errorRatio = 0;
        c.canary.latencyMedianMs = 115;
        c.canary.cpuCores = 0.2;
        c.repository.put("catalog/views.py", PythonSources.CATALOG_VIEWS_PY);
        return c;
    }

    /** Memory only goes up; the window ends long before the limit, so nothing crashes yet. */
    static ScenarioConfig memoryLeakSessions() {
        ScenarioConfig c = broken(
                scenario("memory-leak-session-cache", "identity", "sessions", "5.6.0", "5.7.0"),
                "memory-leak",
                "Canary's memory grows steadily (about 28 MiB a minute, to ~600 MiB) while stable stays flat near 310 MiB; no errors or restarts yet.",
                "memory leak: the canary's working set grows steadily by about 28 MiB/min (about 600 MiB after ten "
                        + "minutes vs a flat ~310 MiB on stable) with no errors or restarts yet; at this rate it reaches its "
                        + "1Gi limit and is OOMKilled within about 15 more minutes",
                "memory",
                "leak",
                "grow");
        style(c, new SpringBootStyle("c.e.sessions"));
        c.requestMethod = "GET";
        c.requestPath = "/api/sessions/validate";
        c.stable.memoryMb = 310;
        c.stable.memoryLimitMb = 1024;
        c.canary.memoryMb = 320;
        c.canary.memoryGrowthMbPerMinute = 28;
        c.canary.memoryLimitMb = 1024;
        return c;
    }

    /** The canary's new inventory call times out; retries, then 503 after two seconds. */
    static ScenarioConfig dependencyTimeoutInventory() {
        ScenarioConfig c = broken(
                scenario("dependency-timeout-inventory-service", "warehouse", "fulfillment", "3.8.2", "3.9.0"),
                "dependency-timeout",
                "Canary's calls to inventory-service's new batch endpoint time out: about 14% of reservations fail with 503 after ~2 s; stable is fine.",
                "timeouts calling inventory-service: the canary's requests to /v2/stock/batch exceed the 1 s client "
                        + "timeout (context deadline exceeded, Client.Timeout exceeded while awaiting headers) on about 14% "
                        + "of reservations, which fail with 503 after two attempts (~2 s); stable calls the same service "
                        + "without timeouts",
                "inventory-service",
                "timeout",
                "deadline exceeded");
        c.requestPath = "/api/reservations";
        c.canary.errorRatio = 0.14;
        c.canary.errorStatus = 503;
        c.canary.errorLatencyMs = 2050;
        c.canary.latencyMedianMs = 32;
        c.canary.latencySigma = 0.7;
        c.canary.errorDetail = "error=\"inventory-service timeout\"";
        String retry =
                "timeout calling inventory-service, retrying: Get \"http://inventory-service.warehouse.svc:8080/v2/stock/batch"
                        + "?reservation={id}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers) attempt=1";
        c.canary.errorNotes = List.of(
                LogNote.warn("inventory", retry),
                LogNote.error(
                        "inventory",
                        "timeout calling inventory-service after 2 attempts: context deadline exceeded reservation={id}"));
        // Some calls succeed on the second attempt: a warning, then a normal response.
        c.canary.requestNotes = List.of(LogNote.warn("inventory", retry));
        c.canary.requestNoteRatio = 0.06;
        return c;
    }

    /** A required environment variable the pod template does not set: exit 1 before listening. */
    static ScenarioConfig configMissingDatabaseUrl() {
        ScenarioConfig c = broken(
                scenario("config-error-missing-database-url", "payments", "ledger", "3.9.1", "4.0.0"),
                "config-error",
                "Canary exits at start-up with \"required key DATABASE_URL missing value\" (exit code 1) and crash-loops; it never serves.",
                "the canary exits at start-up with exit code 1 and is in CrashLoopBackOff: \"Error: required key "
                        + "DATABASE_URL missing value\" — 4.0.0 requires DATABASE_URL (config.go) and the Rollout's pod "
                        + "template does not set it",
                "DATABASE_URL",
                "missing",
                "CrashLoopBackOff");
        c.requestPath = "/api/ledger/entries";
        c.canary.failsBeforeListening = true;
        c.canary.crashAfter = Duration.ofSeconds(4);
        c.canary.crashReason = "Error";
        c.canary.crashExitCode = 1;
        c.canary.startupNotes = List.of(LogNote.fatal("config", "Error: required key DATABASE_URL missing value"));
        c.repository.put("config.go", GoSources.CONFIG_GO);
        neverAvailable(c);
        return c;
    }

    /** Spring Boot's failure analysis: no profile is active, so there is no DataSource URL. */
    static ScenarioConfig springApplicationFailedToStart() {
        ScenarioConfig c = broken(
                scenario("config-error-spring-application-failed-to-start", "shop", "loyalty", "1.3.6", "1.4.0"),
                "config-error",
                "Canary Spring Boot app fails at start-up (APPLICATION FAILED TO START: no DataSource url, no active profile), exit code 1, CrashLoopBackOff.",
                "the canary fails at start-up with APPLICATION FAILED TO START (exit code 1, CrashLoopBackOff): Failed to "
                        + "configure a DataSource, 'url' attribute is not specified, because no Spring profile is active — "
                        + "the canary runs without SPRING_PROFILES_ACTIVE, so the prod profile's datasource settings are "
                        + "never loaded",
                "APPLICATION FAILED TO START",
                "DataSource",
                "profile");
        style(c, new SpringBootStyle("c.e.loyalty"));
        c.requestPath = "/api/loyalty/points";
        c.canary.failsBeforeListening = true;
        c.canary.crashAfter = Duration.ofSeconds(6);
        c.canary.crashReason = "Error";
        c.canary.crashExitCode = 1;
        c.canary.startupNotes = List.of(
                LogNote.info(
                        "c.e.loyalty.Application",
                        "No active profile set, falling back to 1 default profile: \"default\""),
                LogNote.fatal("o.s.b.d.LoggingFailureAnalysisReporter", ""));
        c.canary.crashTrace = Traces.SPRING_NO_DATASOURCE;
        neverAvailable(c);
        return c;
    }

    /** Wrong totals with HTTP 200: only the application's own ERROR lines tell. */
    static ScenarioConfig silentNegativeTotal() {
        ScenarioConfig c = broken(
                scenario("silent-errors-negative-price-total", "shop", "pricing", "5.9.3", "6.0.0"),
                "silent-errors",
                "Canary answers 200 everywhere (metrics look healthy) but logs ERROR \"price calculation returned negative total\" for about 8% of quotes.",
                "errors only in the logs: every response is HTTP 200, but about 8% of the canary's quotes log ERROR "
                        + "\"price calculation returned negative total\" — 6.0.0 applies whole-number promotion percentages "
                        + "(15 for 15%) as fractions in PriceCalculator.total, so the discount exceeds the subtotal",
                "negative total",
                "price calculation",
                "promotion");
        style(c, new SpringBootStyle("c.e.pricing"));
        c.requestPath = "/api/quotes";
        c.canary.requestNotes = List.of(LogNote.error(
                "QuoteService",
                "price calculation returned negative total for cart {id}: "
                        + "subtotal=54.90 promotion=SPRING15 discount=823.50 total=-914.63; quote sent unchanged"));
        c.canary.requestNoteRatio = 0.08;
        c.repository.put("src/main/java/com/example/pricing/PriceCalculator.java", JavaSources.PRICE_CALCULATOR_JAVA);
        return c;
    }

    /** E-mails rendered from a template whose field was renamed: 200 with a fallback body, ERROR in the log. */
    static ScenarioConfig silentTemplateRender() {
        ScenarioConfig c = broken(
                scenario(
                        "silent-errors-template-render-missing-field",
                        "messaging",
                        "notifications",
                        "2.11.0",
                        "2.12.0"),
                "silent-errors",
                "Canary answers 200 everywhere but logs ERROR \"template render failed: missing field 'customer.first_name'\" for about a third of order confirmations.",
                "errors only in the logs: every response is HTTP 200, but about 35% of the canary's order confirmations "
                        + "log ERROR \"template render failed: missing field 'customer.first_name'\" and customers get the "
                        + "plain-text fallback; the canary's order payload no longer has customer.first_name",
                "template render failed",
                "missing field",
                "first_name");
        style(c, new PythonStyle("notifications", PythonStyle.Framework.DJANGO));
        c.requestPath = "/api/notifications/order-confirmation/";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0;
        c.canary.requestNotes = List.of(
                LogNote.error(
                        "notifications.render",
                        "template render failed: missing field "
                                + "'customer.first_name' in emails/order_confirmation.html (order {id}); sent the plain-text fallback"));
        c.canary.requestNoteRatio = 0.35;
        return c;
    }

    /** Three canary pods; only the one holding the leader lease runs the broken job, panics and crash-loops. */
    static ScenarioConfig partialFailureLeader() {
        ScenarioConfig c = broken(
                scenario("partial-failure-leader-reindex-panic", "shop", "search", "3.3.2", "3.4.0"),
                "partial-failure",
                "One of three canary pods (the leader, which runs the new reindex job) panics with assignment to entry in nil map and crash-loops; the other two serve normally.",
                "one of three canary pods, the one holding the leader lease, panics with \"assignment to entry in nil "
                        + "map\" in main.(*Indexer).reindex (indexer.go:58) each time it reindexes and crash-loops; the other "
                        + "two serve normally, but the new code path is broken on every pod that becomes leader",
                "nil map",
                "reindex",
                "indexer.go:58");
        c.requestMethod = "GET";
        c.requestPath = "/api/search";
        c.stablePods = 3;
        c.canaryPods = 3;
        c.canaryWeight = 50;
        c.logLinesPerSecond = 0.35;
        PodBehaviour leader = new PodBehaviour();
        leader.version = c.canary.version;
        leader.startupNotes = List.of(LogNote.info("indexer", "acquired leader lease, reindexing every 60s"));
        leader.crashAfter = Duration.ofSeconds(68);
        leader.crashTrace = List.of(
                "panic: assignment to entry in nil map",
                "",
                "goroutine 52 [running]:",
                "main.(*Indexer).reindex(0xc0001c2000, {0xc0004a8000, 0x1f4, 0x200})",
                "\t/app/indexer.go:58 +0x1d8",
                "main.(*Indexer).runLeader(0xc0001c2000, {0x9c5a28, 0xc0000b2000})",
                "\t/app/indexer.go:34 +0x10e",
                "created by main.main in goroutine 1",
                "\t/app/main.go:47 +0x3f4");
        c.canaryPodOverrides.put(0, leader);
        c.repository.put("indexer.go", GoSources.INDEXER_GO);
        return c;
    }

    /** A canary that never becomes available leaves the Rollout progressing at its first step. */
    static void neverAvailable(ScenarioConfig c) {
        c.rolloutPhase = "Progressing";
        c.currentStep = 0;
        c.rolloutMessage = "updated replicas are still becoming available";
    }

    /** The Argo Rollouts demo app: GET /color, the colour as the image tag, no cache, no errors of its own. */
    static void demoApp(ScenarioConfig c, String stableColor, String canaryColor) {
        style(c, new DemoAppStyle());
        c.cacheRefreshLog = false;
        c.requestMethod = "GET";
        c.requestPath = "/color";
        c.stable.image = "argoproj/rollouts-demo:" + c.stable.version;
        c.canary.image = "argoproj/rollouts-demo:" + c.canary.version;
        c.stable.successDetail = "\"" + stableColor + "\"";
        c.canary.successDetail = "\"" + canaryColor + "\"";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0;
        c.stable.latencyMedianMs = 1.2;
        c.canary.latencyMedianMs = 1.2;
        c.stable.memoryMb = 12;
        c.canary.memoryMb = 12;
        c.stable.cpuCores = 0.02;
        c.canary.cpuCores = 0.02;
    }
}
