package dev.canarycouncil.orchestrator.council;

import java.net.URI;

/**
 * Where a finished analysis can be opened again: the orchestrator's page with the analysis named in
 * its query. The same link goes into the controller's answer, the plugin's text and the remediation
 * issue, so whoever meets the verdict can get to its evidence.
 *
 * @param page the page's absolute URL ({@code https://council.example/ui/}); empty when no page keeps analyses
 */
public record AnalysisLinks(String page) {

    /** For a council whose analyses are not kept (a one-off {@code analyze}, {@code eval}). */
    public static final AnalysisLinks NONE = new AnalysisLinks("");

    public AnalysisLinks {
        if (page == null) {
            throw new IllegalArgumentException("the page URL is missing; use AnalysisLinks.NONE for no page");
        }
        if (!page.isEmpty()) {
            URI uri = URI.create(page);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("the page URL must be absolute (http://host:port/ui/), was " + page);
            }
        }
    }

    /** The page served by an orchestrator at {@code publicUrl} (its A2A URL, with or without a trailing slash). */
    public static AnalysisLinks servedAt(String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new AnalysisLinks(base + "/ui/");
    }

    /** The analysis' own link, or empty when no page keeps it. */
    public String to(String analysisId) {
        return page.isEmpty() ? "" : page + "?analysis=" + analysisId;
    }
}
