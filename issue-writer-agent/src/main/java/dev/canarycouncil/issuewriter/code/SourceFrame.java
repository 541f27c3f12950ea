package dev.canarycouncil.issuewriter.code;

/**
 * A stack frame the evidence names: where the failure passed through the application's code.
 *
 * @param file      the file as the log printed it, e.g. {@code main.go}, {@code /app/main.go} or {@code ReportCache.java}
 * @param line      1-based line number
 * @param function  the function or method, e.g. {@code main.getColor} or {@code com.example.Cart.total}; may be null
 * @param role      why this frame matters, e.g. "panic frame" or "caller"
 */
public record SourceFrame(String file, int line, String function, String role) {

    /** {@code /app/pkg/main.go} to {@code main.go}. */
    public String basename() {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash >= 0 ? file.substring(slash + 1) : file;
    }

    /** {@code file:line}, as logs print it. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * Where a JVM frame's file lives in a source tree: {@code com.example.reports.ReportCache.put} in
     * {@code ReportCache.java} gives {@code com/example/reports/ReportCache.java}; null for other languages.
     */
    public String jvmSourcePath() {
        if (function == null || !(file.endsWith(".java") || file.endsWith(".kt") || file.endsWith(".scala"))) {
            return null;
        }
        String[] parts = function.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length - 2; i++) {
            if (parts[i].isEmpty() || !Character.isLowerCase(parts[i].charAt(0))) {
                break;
            }
            path.append(parts[i]).append('/');
        }
        return path.length() == 0 ? null : path + basename();
    }
}
