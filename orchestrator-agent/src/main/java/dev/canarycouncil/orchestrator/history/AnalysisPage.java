package dev.canarycouncil.orchestrator.history;

import java.util.List;

/**
 * One page of a query's answer.
 *
 * @param total how many analyses match the query, on every page
 */
public record AnalysisPage(List<AnalysisSummary> analyses, long total, int limit, int offset) {}
