package dev.canarycouncil.evals.report;

import dev.canarycouncil.runtime.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code eval-report.json} and {@code eval-report.html} into a directory. */
public final class ReportFiles {

    public static final String JSON = "eval-report.json";
    public static final String HTML = "eval-report.html";

    private ReportFiles() {}

    /** @return the files written */
    public static List<Path> write(EvalReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        Path html = dir.resolve(HTML);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
        Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
        return List.of(json, html);
    }
}
