package dev.canarycouncil.evals.report;

import dev.canarycouncil.evals.scoring.AgentTrackRecord;
import dev.canarycouncil.evals.scoring.Calibration;
import dev.canarycouncil.evals.scoring.CaseResult;
import dev.canarycouncil.evals.scoring.Scorecard;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.Evidence;
import dev.canarycouncil.runtime.schema.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation as one self-contained HTML page (no scripts, no external assets): the figures
 * next to the baselines', a confusion matrix, a reliability diagram drawn in SVG, and a table of
 * cases linking to each case's evidence further down the page.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(EvalReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Canary Council evaluation</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1200px}")
                .append(
                        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}")
                .append(
                        "th{background:#f3f3f3}.ok{background:#e8f5e9}.bad{background:#ffebee}.worst{background:#ffcdd2;font-weight:bold}")
                .append(
                        ".num{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px}details{margin:.3em 0}")
                .append("</style></head><body>");
        h.append("<h1>Canary Council evaluation</h1><p>")
                .append(esc(r.recordings()))
                .append(" · ")
                .append(r.cases().size())
                .append(" recordings · mode ")
                .append(esc(r.mode()))
                .append(" · ")
                .append(r.generatedAt())
                .append("</p>");
        h.append("<p><code>").append(esc(r.council().summaryLine())).append("</code></p>");
        figures(h, r);
        h.append("<h2>Confusion matrix (council)</h2>");
        confusion(h, r.council());
        h.append("<h2>Reliability diagram</h2>");
        reliability(h, r.cases());
        h.append("<h2>Per failure class</h2>");
        perClass(h, r.perClass());
        h.append("<h2>Each member's own votes</h2>");
        agents(h, r.agents());
        h.append("<h2>Cases</h2>");
        cases(h, r);
        h.append("<h2>Evidence</h2>");
        evidence(h, r.cases());
        return h.append("</body></html>\n").toString();
    }

    private static void figures(StringBuilder h, EvalReport r) {
        h.append(
                        "<table><tr><th>judge</th><th>accuracy</th><th>false promote</th><th>false rollback</th><th>inconclusive</th>")
                .append(
                        "<th>Brier</th><th>ECE</th><th>root cause hit</th><th>p50 ms</th><th>p95 ms</th><th>tokens</th></tr>");
        row(h, "council", r.council());
        r.baselines().forEach((name, card) -> row(h, name, card));
        h.append("</table>");
    }

    private static void row(StringBuilder h, String name, Scorecard c) {
        h.append("<tr><td>")
                .append(esc(name))
                .append("</td>")
                .append(num(c.accuracy()))
                .append("<td class=\"num")
                .append(c.falsePromote() > 0 ? " worst" : "")
                .append("\">")
                .append(fmt(c.falsePromote()))
                .append("</td>")
                .append(num(c.falseRollback()))
                .append(num(c.inconclusive()))
                .append(num(c.brier()))
                .append(num(c.ece()))
                .append(num(c.rootCauseHit()))
                .append("<td class=\"num\">")
                .append(c.p50Ms())
                .append("</td><td class=\"num\">")
                .append(c.p95Ms())
                .append("</td><td class=\"num\">")
                .append(c.tokens())
                .append("</td></tr>");
    }

    private static void confusion(StringBuilder h, Scorecard c) {
        List<String> decided = List.of("PROMOTE", "ROLLBACK", "INCONCLUSIVE", "FAILED");
        h.append("<table><tr><th>expected &rarr; decided</th>");
        decided.forEach(d -> h.append("<th>").append(d).append("</th>"));
        h.append("</tr>");
        for (Decision expected : Decision.values()) {
            Map<String, Integer> row = c.confusion().getOrDefault(expected, Map.of());
            h.append("<tr><th>").append(expected).append("</th>");
            for (String d : decided) {
                int n = row.getOrDefault(d, 0);
                String cls = n == 0
                        ? ""
                        : d.equals(expected.name())
                                ? "ok"
                                : expected == Decision.ROLLBACK && d.equals("PROMOTE") ? "worst" : "bad";
                h.append("<td class=\"num ").append(cls).append("\">").append(n).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    /** Stated confidence against observed accuracy per bin; bars' widths show how many cases fell in each. */
    private static void reliability(StringBuilder h, List<CaseResult> cases) {
        int size = 300;
        int pad = 40;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(size + 2 * pad)
                .append("\" height=\"")
                .append(size + 2 * pad)
                .append("\" role=\"img\" aria-label=\"reliability diagram\">")
                .append("<rect x=\"")
                .append(pad)
                .append("\" y=\"")
                .append(pad)
                .append("\" width=\"")
                .append(size)
                .append("\" height=\"")
                .append(size)
                .append("\" fill=\"#fafafa\" stroke=\"#999\"/>")
                .append("<line x1=\"")
                .append(pad)
                .append("\" y1=\"")
                .append(pad + size)
                .append("\" x2=\"")
                .append(pad + size)
                .append("\" y2=\"")
                .append(pad)
                .append("\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>");
        List<Calibration.Bin> bins = Calibration.bins(cases);
        int max = bins.stream().mapToInt(Calibration.Bin::count).max().orElse(1);
        for (Calibration.Bin b : bins) {
            if (b.count() == 0) {
                continue;
            }
            double x = pad + b.from() * size;
            double w = (b.to() - b.from()) * size;
            double barH = b.accuracy() * size;
            h.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4f81bd\" "
                            + "fill-opacity=\"%.2f\"><title>confidence %.0f–%.0f%%: %d cases, accuracy %.2f, mean confidence %.2f</title></rect>",
                    x + 1,
                    pad + size - barH,
                    w - 2,
                    barH,
                    0.35 + 0.65 * b.count() / (double) max,
                    b.from() * 100,
                    b.to() * 100,
                    b.count(),
                    b.accuracy(),
                    b.meanConfidence()));
            h.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0504d\"/>",
                    pad + b.meanConfidence() * size,
                    pad + size - b.accuracy() * size));
        }
        h.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">stated confidence</text>",
                pad + size / 2,
                pad + size + 28));
        h.append(String.format(
                Locale.ROOT,
                "<text x=\"12\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                        + "transform=\"rotate(-90 12 %d)\">accuracy</text>",
                pad + size / 2,
                pad + size / 2));
        for (int i = 0; i <= 10; i += 5) {
            h.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d%%</text>",
                    pad + i * size / 10,
                    pad + size + 14,
                    i * 10));
        }
        h.append(
                "</svg><p>Bars: accuracy per confidence bin (darker = more cases); dots: mean stated confidence; the dashed "
                        + "diagonal is perfect calibration.</p>");
    }

    private static void perClass(StringBuilder h, Map<String, Scorecard> perClass) {
        h.append(
                "<table><tr><th>failure class</th><th>cases</th><th>accuracy</th><th>false promote</th><th>root cause hit</th></tr>");
        perClass.forEach((name, c) -> h.append("<tr><td>")
                .append(esc(name))
                .append("</td><td class=\"num\">")
                .append(c.cases())
                .append("</td>")
                .append(num(c.accuracy()))
                .append(num(c.falsePromote()))
                .append(num(c.rootCauseHit()))
                .append("</tr>"));
        h.append("</table>");
    }

    private static void agents(StringBuilder h, Map<String, AgentTrackRecord> agents) {
        h.append(
                "<table><tr><th>member</th><th>failure class</th><th>votes</th><th>accuracy</th><th>false promotes</th></tr>");
        agents.forEach((name, a) -> {
            h.append("<tr><th>")
                    .append(esc(name))
                    .append("</th><td>all (PROMOTE precision ")
                    .append(fmt(a.promotePrecision()))
                    .append(", ROLLBACK precision ")
                    .append(fmt(a.rollbackPrecision()))
                    .append(")</td><td class=\"num\">")
                    .append(a.overall().votes())
                    .append("</td>")
                    .append(num(a.overall().accuracy()))
                    .append("<td class=\"num\">")
                    .append(a.overall().falsePromotes())
                    .append("</td></tr>");
            a.byClass()
                    .forEach((cls, f) -> h.append("<tr><td></td><td>")
                            .append(esc(cls))
                            .append("</td><td class=\"num\">")
                            .append(f.votes())
                            .append("</td>")
                            .append(num(f.accuracy()))
                            .append("<td class=\"num\">")
                            .append(f.falsePromotes())
                            .append("</td></tr>"));
        });
        h.append(
                "</table><p>A member's own vote, before the council weighs it: a log analyst cannot see latency, a metrics "
                        + "agent cannot see errors behind HTTP 200, which is why the council has both.</p>");
    }

    private static void cases(StringBuilder h, EvalReport r) {
        h.append("<table><tr><th>recording</th><th>class</th><th>expected</th><th>decided</th><th>confidence</th>")
                .append("<th>root cause hit</th><th>ms</th>");
        r.baselines().keySet().forEach(b -> h.append("<th>").append(esc(b)).append("</th>"));
        h.append("</tr>");
        for (CaseResult c : r.cases()) {
            String cls = c.falsePromote() ? "worst" : c.correct() ? "ok" : "bad";
            h.append("<tr class=\"")
                    .append(cls)
                    .append("\"><td><a href=\"#case-")
                    .append(anchor(c.name()))
                    .append("\">")
                    .append(esc(c.name()))
                    .append("</a></td><td>")
                    .append(esc(c.expected().failureClass()))
                    .append("</td><td>")
                    .append(c.expected().verdict())
                    .append("</td><td>")
                    .append(c.decision() == null ? "FAILED" : c.decision())
                    .append("</td><td class=\"num\">")
                    .append(c.confidence())
                    .append("</td><td>")
                    .append(c.expected().broken() ? (c.rootCauseHit() ? "yes" : "no") : "")
                    .append("</td><td class=\"num\">")
                    .append(c.latencyMs())
                    .append("</td>");
            r.baselines().keySet().forEach(b -> {
                Decision d = c.baselines().get(b);
                h.append("<td>").append(d == null ? "" : d).append("</td>");
            });
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void evidence(StringBuilder h, List<CaseResult> cases) {
        for (CaseResult c : cases) {
            h.append("<section id=\"case-")
                    .append(anchor(c.name()))
                    .append("\"><h3>")
                    .append(esc(c.name()))
                    .append("</h3>");
            h.append("<p>Expected ")
                    .append(c.expected().verdict())
                    .append(" (")
                    .append(esc(c.expected().rootCause()))
                    .append(")</p>");
            if (c.verdict() == null) {
                h.append("<p class=\"bad\">Analysis failed: ")
                        .append(esc(c.error()))
                        .append("</p></section>");
                continue;
            }
            h.append("<p><b>")
                    .append(c.decision())
                    .append(" ")
                    .append(c.confidence())
                    .append("%</b> — root cause: ")
                    .append(esc(c.verdict().rootCause()))
                    .append("</p><details><summary>rationale</summary><p>")
                    .append(esc(c.verdict().rationale()))
                    .append("</p></details>");
            for (Finding f : c.verdict().findings()) {
                h.append("<details><summary>")
                        .append(esc(f.agent()))
                        .append(": ")
                        .append(f.verdict())
                        .append(" ")
                        .append(f.confidence())
                        .append("% — ")
                        .append(esc(f.summary()))
                        .append("</summary><ul>");
                for (Evidence e : f.evidence()) {
                    h.append("<li>[")
                            .append(e.severity().name().toLowerCase(Locale.ROOT))
                            .append("] ")
                            .append(esc(e.description()))
                            .append("</li>");
                }
                f.notes().forEach(n -> h.append("<li>note: ").append(esc(n)).append("</li>"));
                h.append("</ul></details>");
            }
            h.append("</section>");
        }
    }

    private static String num(double v) {
        return "<td class=\"num\">" + fmt(v) + "</td>";
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String anchor(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
