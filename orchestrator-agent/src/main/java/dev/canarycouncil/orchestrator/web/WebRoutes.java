package dev.canarycouncil.orchestrator.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The council's web page at {@code /ui/}: a form that starts an analysis, its progress as it
 * streams, the verdict with charts, and a chat for follow-up questions. The page is static (HTML,
 * CSS and plain JavaScript from the classpath) and talks to this same server's A2A endpoint at
 * {@code POST /}; it loads nothing from anywhere else, which its Content-Security-Policy enforces.
 */
public final class WebRoutes {

    /** Where the page is served. */
    public static final String PATH = "/ui/";
    /** The page's files, on the classpath. */
    static final String WEB_ROOT = "dev/canarycouncil/orchestrator/web";
    /** Same origin only: no fonts, scripts, styles or calls from elsewhere, no inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public void mount(Router router) {
        router.get("/ui").handler(WebRoutes::redirectToSlash);
        StaticHandler files = StaticHandler.create(WEB_ROOT)
                .setIndexPage("index.html")
                .setDirectoryListing(false)
                // The page is a few kilobytes, and a new jar must not be hidden behind a stale copy.
                .setCachingEnabled(false)
                .setMaxAgeSeconds(0);
        router.get("/ui/*")
                .handler(rc -> {
                    rc.response()
                            .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Referrer-Policy", "no-referrer")
                            .putHeader("Cache-Control", "no-cache");
                    rc.next();
                })
                .handler(files);
    }

    /** {@code /ui} to {@code /ui/}, keeping the query, with a relative location so a path prefix survives a proxy. */
    private static void redirectToSlash(RoutingContext rc) {
        if (rc.request().path().endsWith("/")) {
            // vertx-web's "/ui" also matches "/ui/": that one is the page itself.
            rc.next();
            return;
        }
        String query = rc.request().query();
        rc.response()
                .setStatusCode(301)
                .putHeader("Location", "ui/" + (query == null || query.isEmpty() ? "" : "?" + query))
                .end();
    }
}
