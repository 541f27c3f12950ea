package dev.canarycouncil.evals.generator;

import static dev.canarycouncil.evals.generator.Scenarios.broken;
import static dev.canarycouncil.evals.generator.Scenarios.healthy;
import static dev.canarycouncil.evals.generator.Scenarios.scenario;
import static dev.canarycouncil.evals.generator.Scenarios.style;

import java.time.Duration;
import java.util.List;

/**
 * Services written in frameworks the first recordings did not cover, each logging as that
 * framework does (ASP.NET Core's console logger, Rails, Werkzeug, Express with morgan, Rust's
 * tracing), healthy and broken, several without any metrics source.
 */
final class FrameworkScenarios {

    private FrameworkScenarios() {}

    static List<ScenarioConfig> all() {
        return List.of(
                dotnetNullReference(),
                dotnetHealthy(),
                railsNoMethodError(),
                railsHealthy(),
                werkzeugKeyError(),
                werkzeugHealthy(),
                expressTypeError(),
                expressUncaughtCrashLoop(),
                expressHealthy(),
                rustPanicCrashLoop(),
                rustHealthy());
    }

    static ScenarioConfig dotnetNullReference() {
        ScenarioConfig c = broken(
                scenario("dotnet-nullreference-aspnetcore-cart", "shop", "cart", "4.2.1", "4.3.0"),
                "dotnet-exception",
                "Canary's ASP.NET Core cart API throws NullReferenceException in PricingService.ApplyVoucher for vouchers "
                        + "without a campaign: about 8% of cart totals fail with HTTP 500. Metrics: OpenTelemetry, scraped per pod.",
                "System.NullReferenceException: Object reference not set to an instance of an object in "
                        + "PricingService.ApplyVoucher (PricingService.cs:57): vouchers created outside a campaign have no "
                        + "Campaign, and 4.3.0 reads its discount without checking",
                "NullReferenceException",
                "PricingService.cs:57",
                "ApplyVoucher");
        style(c, new AspNetCoreStyle("Shop.Cart"));
        c.logLinesPerSecond = 0.3;
        c.metrics = MetricConvention.OPENTELEMETRY;
        c.stablePods = 2;
        c.requestPath = "/api/cart/total";
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.08;
        c.canary.errorNotes = List.of(LogNote.error(
                "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]",
                String.join("\n", Traces.DOTNET_NULL_REFERENCE)));
        return c;
    }

    static ScenarioConfig dotnetHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-aspnetcore-catalog", "shop", "catalog", "7.0.3", "7.1.0"),
                "Healthy ASP.NET Core catalog API: the canary's console log and OpenTelemetry metrics match stable's.");
        style(c, new AspNetCoreStyle("Shop.Catalog"));
        c.logLinesPerSecond = 0.3;
        c.metrics = MetricConvention.OPENTELEMETRY;
        c.stablePods = 2;
        c.requestMethod = "GET";
        c.requestPath = "/api/products";
        c.canary.startupNotes = List.of(LogNote.info("Features", "Feature flag 'grid-layout' enabled"));
        return c;
    }

    static ScenarioConfig railsNoMethodError() {
        ScenarioConfig c = broken(
                scenario("ruby-nomethoderror-rails-orders", "shop", "orders-web", "3.8.0", "3.9.0"),
                "ruby-exception",
                "Canary's Rails order page raises NoMethodError in OrdersController#show for orders without a shipping "
                        + "address: about 7% of requests fail with 500. Metrics scraped per pod.",
                "NoMethodError (undefined method `country' for nil) at app/controllers/orders_controller.rb:14 in show: "
                        + "pickup orders have no shipping address and 3.9.0 reads its country",
                "NoMethodError",
                "orders_controller.rb:14",
                "country");
        style(c, new RailsStyle("OrdersController#show"));
        c.metrics = MetricConvention.PER_POD;
        c.requestMethod = "GET";
        c.requestPath = "/orders/50012";
        c.logLinesPerSecond = 0.2;
        c.cacheRefreshLog = false;
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.07;
        c.canary.errorNotes = List.of(LogNote.fatal("rails", String.join("\n", Traces.RAILS_NO_METHOD_ERROR)));
        return c;
    }

    static ScenarioConfig railsHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-rails-storefront", "shop", "storefront", "12.4.0", "12.5.0"),
                "Healthy Rails storefront: same Started/Completed lines, error rate and latency on both sides.");
        style(c, new RailsStyle("ProductsController#index"));
        c.metrics = MetricConvention.PER_POD;
        c.requestMethod = "GET";
        c.requestPath = "/products";
        c.logLinesPerSecond = 0.2;
        c.cacheRefreshLog = false;
        return c;
    }

    static ScenarioConfig werkzeugKeyError() {
        ScenarioConfig c = broken(
                scenario("python-keyerror-werkzeug-rates-logs-only", "travel", "rates", "0.9.4", "0.10.0"),
                "python-exception",
                "Canary's Flask rates service (Werkzeug server, no metrics source) raises KeyError 'EUR' for routes priced "
                        + "in euros: about 10% of requests fail with 500.",
                "KeyError: 'EUR' in convert (rates/fx.py, line 22): the new exchange-rate table is keyed by lower-case "
                        + "currency codes",
                "KeyError",
                "EUR",
                "fx.py");
        style(c, new WerkzeugStyle());
        c.metrics = MetricConvention.NONE;
        c.requestPath = "/rates/quote";
        c.cacheRefreshLog = false;
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.10;
        c.canary.errorNotes = List.of(LogNote.error("app", "Exception on /rates/quote [POST]"));
        c.canary.errorTrace = Traces.WERKZEUG_KEYERROR;
        return c;
    }

    static ScenarioConfig werkzeugHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-werkzeug-rates-logs-only", "travel", "fares", "2.2.0", "2.3.0"),
                "Healthy Flask service on Werkzeug, without any metrics source: the canary's access lines and app log match stable's.");
        style(c, new WerkzeugStyle());
        c.metrics = MetricConvention.NONE;
        c.requestMethod = "GET";
        c.requestPath = "/fares/search";
        c.cacheRefreshLog = false;
        return c;
    }

    static ScenarioConfig expressTypeError() {
        ScenarioConfig c = broken(
                scenario("node-typeerror-express-cart-logs-only", "shop", "cart-api", "1.4.2", "1.5.0"),
                "node-error",
                "Canary's Express cart API (morgan access log, no metrics source) throws TypeError reading 'price' of an "
                        + "undefined item in computeTotal: about 10% of requests fail with 500.",
                "TypeError: Cannot read properties of undefined (reading 'price') at computeTotal (cart.js:42): removed "
                        + "products leave undefined entries in the cart",
                "TypeError",
                "price",
                "cart.js:42");
        style(c, new NodeExpressStyle());
        c.metrics = MetricConvention.NONE;
        c.requestPath = "/api/cart/total";
        c.cacheRefreshLog = false;
        c.stable.errorRatio = 0;
        c.canary.errorRatio = 0.10;
        c.canary.errorTrace = Traces.NODE_TYPEERROR_CART;
        return c;
    }

    static ScenarioConfig expressUncaughtCrashLoop() {
        ScenarioConfig c = broken(
                scenario("node-uncaught-crashloop-notifier-logs-only", "shop", "notifier", "2.3.0", "2.4.0"),
                "node-error",
                "Canary's Node notifier dies of an uncaught TypeError in its queue worker 50 s after every start and "
                        + "crash-loops; no metrics source.",
                "uncaught TypeError: Cannot read properties of undefined (reading 'email') at sendReceipt (worker.js:17): "
                        + "the process exits and the pod crash-loops",
                "TypeError",
                "email",
                "worker.js:17");
        style(c, new NodeExpressStyle());
        c.metrics = MetricConvention.NONE;
        c.requestPath = "/api/notify";
        c.cacheRefreshLog = false;
        c.canary.crashAfter = Duration.ofSeconds(50);
        c.canary.crashReason = "Error";
        c.canary.crashExitCode = 1;
        c.canary.crashTrace = Traces.NODE_UNCAUGHT_WORKER;
        return c;
    }

    static ScenarioConfig expressHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-node-express-logs-only", "shop", "wishlist-api", "0.8.1", "0.9.0"),
                "Healthy Express service without any metrics source: morgan lines and console output match stable's.");
        style(c, new NodeExpressStyle());
        c.metrics = MetricConvention.NONE;
        c.requestMethod = "GET";
        c.requestPath = "/api/wishlist";
        c.cacheRefreshLog = false;
        return c;
    }

    static ScenarioConfig rustPanicCrashLoop() {
        ScenarioConfig c = broken(
                scenario("rust-panic-unwrap-pricing", "shop", "pricing", "0.14.2", "0.15.0"),
                "rust-panic",
                "Canary's Rust pricing service panics on an Option::unwrap() of a missing tax rate 40 s after start and "
                        + "crash-loops. Metrics: OpenTelemetry, scraped per pod.",
                "thread 'main' panicked at src/rates.rs:88:14: called `Option::unwrap()` on a `None` value: 0.15.0 loads "
                        + "tax rates by region and unwraps the lookup for regions it does not know",
                "Option::unwrap()",
                "rates.rs:88");
        style(c, new RustTracingStyle("pricing"));
        c.metrics = MetricConvention.OPENTELEMETRY;
        c.stablePods = 2;
        c.requestPath = "/api/price";
        c.canary.crashAfter = Duration.ofSeconds(40);
        c.canary.crashReason = "Error";
        c.canary.crashExitCode = 101;
        c.canary.crashTrace = Traces.RUST_UNWRAP_PANIC;
        return c;
    }

    static ScenarioConfig rustHealthy() {
        ScenarioConfig c = healthy(
                scenario("healthy-rust-tracing-search", "shop", "search", "1.8.0", "1.9.0"),
                "Healthy Rust search service logging with tracing: same request lines, errors and latency on both sides.");
        style(c, new RustTracingStyle("search"));
        c.metrics = MetricConvention.PER_POD;
        c.requestMethod = "GET";
        c.requestPath = "/api/search";
        return c;
    }
}
