package dev.canarycouncil.issuewriter.code;

import dev.canarycouncil.runtime.mcp.McpToolClient;
import dev.canarycouncil.runtime.redaction.Redactor;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds and quotes the code a rollback's evidence points at, through the MCP code tools: the
 * failing frame and its caller (a few lines either side), the definition of a function named
 * without a line, the code that prints a logged error message, and within those files the lines
 * that match the symptom (a timeout when calls hit their deadline). Quoted code is redacted like
 * any other text that leaves the council. Never fails: what cannot be found becomes a note.
 */
public final class SuspectCodeFinder {

    static final int CONTEXT = 5;
    static final int MAX_EXCERPTS = 4;
    static final int MAX_EXCERPT_LINES = 40;
    private static final int MAX_SYMPTOM_LINES = 3;

    private record Focus(String path, int line, String reason) {}

    /** Leaves room within the orchestrator's issue deadline (30 s by default) for drafting and filing. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(12);

    private final McpToolClient tools;
    private final Redactor redactor;
    private final Duration budget;

    public SuspectCodeFinder(McpToolClient tools, Redactor redactor) {
        this(tools, redactor, DEFAULT_BUDGET);
    }

    /** @param budget time for one lookup; calls that would start later are skipped with a note */
    public SuspectCodeFinder(McpToolClient tools, Redactor redactor, Duration budget) {
        this.tools = tools;
        this.redactor = redactor;
        this.budget = budget;
    }

    public SuspectCode find(Verdict verdict) {
        return find(verdict, Map.of());
    }

    /** @param repository the code tools' {@code repository}/{@code branch} arguments, empty for the configured repository */
    public SuspectCode find(Verdict verdict, Map<String, String> repository) {
        CodeClues clues = CodeClues.of(verdict);
        if (clues.isEmpty()) {
            return SuspectCode.note(
                    "The evidence names no stack frame, function or log message to look up in the code.");
        }
        CodeToolSession session = new CodeToolSession(tools, budget, repository);
        List<Focus> focus = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (SourceFrame frame : clues.frames()) {
            String path = resolve(frame, session);
            if (path != null) {
                focus.add(new Focus(
                        path, frame.line(), frame.role() + describe(frame.function()) + " (" + frame.location() + ")"));
            } else if (!session.stopped()) {
                misses.add(frame.location()
                        + " is not in the repository the code tools read (another version or repository?)");
            }
        }
        for (String function : clues.functions()) {
            Focus definition = definition(function, session);
            if (definition != null) {
                focus.add(definition);
            }
        }
        for (String message : clues.messages()) {
            List<CodeToolSession.Hit> hits = session.search(message, null, 3);
            hits.forEach(h -> focus.add(new Focus(h.path(), h.line(), "prints \"" + message + "\"")));
            if (hits.isEmpty() && !session.stopped()) {
                misses.add("no code prints \"" + message + "\"");
            }
        }
        Set<String> files = new LinkedHashSet<>();
        focus.forEach(f -> files.add(f.path()));
        for (String symptom : clues.symptoms()) {
            for (String file : files) {
                session.search(symptom, file, MAX_SYMPTOM_LINES).stream()
                        .filter(h -> h.path().equals(file))
                        .forEach(h -> focus.add(new Focus(file, h.line(), "mentions " + symptom)));
            }
        }
        List<CodeExcerpt> excerpts = quote(focus, session);
        List<String> notes = new ArrayList<>(session.notes());
        if (excerpts.isEmpty() && !session.stopped()) {
            notes.addAll(misses);
        }
        return new SuspectCode(
                true, excerpts, notes.stream().map(redactor::redact).toList());
    }

    /** The repository path of a frame's file, or null when the repository has no such file. */
    private static String resolve(SourceFrame frame, CodeToolSession session) {
        String jvmPath = frame.jvmSourcePath();
        if (jvmPath != null) {
            String simpleClass = frame.basename().replaceAll("\\.[^.]+$", "");
            return session.search(simpleClass, jvmPath, 5).stream()
                    .map(CodeToolSession.Hit::path)
                    .filter(p -> p.endsWith(jvmPath))
                    .findFirst()
                    .orElse(null);
        }
        String relative = frame.file().replaceFirst("^/+", "");
        if (session.read(relative, frame.line(), frame.line()) != null) {
            return relative;
        }
        if (session.stopped()) {
            return null;
        }
        // Logs print where the file was built (/app/main.go); find the file by name and prefer the
        // candidate sharing the longest part of the printed path.
        String query = frame.function() != null
                ? shortName(frame.function())
                : frame.basename().replaceAll("\\.[^.]+$", "");
        return session.search(query, frame.basename(), 20).stream()
                .map(CodeToolSession.Hit::path)
                .filter(p -> p.equals(frame.basename()) || p.endsWith("/" + frame.basename()))
                .distinct()
                .max(Comparator.comparingInt(p -> commonSuffix(p, frame.file())))
                .orElse(null);
    }

    private static Focus definition(String function, CodeToolSession session) {
        String name = shortName(function);
        if (name.length() < 3) {
            return null;
        }
        List<CodeToolSession.Hit> hits = session.search(name, null, 20);
        Pattern definition =
                Pattern.compile("\\b(?:func|def|function|fun|fn)\\s+(?:\\([^)]*\\)\\s*)?" + Pattern.quote(name) + "\\b"
                        + "|^\\s*(?:(?:public|private|protected|static|final|abstract|synchronized|override|suspend|async|export)\\s+)*"
                        + "[\\w<>\\[\\],.?]+\\s+" + Pattern.quote(name) + "\\s*\\(");
        return hits.stream()
                .filter(h -> definition.matcher(h.text()).find())
                .findFirst()
                .or(() -> hits.stream().findFirst())
                .map(h -> new Focus(h.path(), h.line(), "function " + name))
                .orElse(null);
    }

    /** Reads each group of nearby focus lines once, most relevant file first. */
    private List<CodeExcerpt> quote(List<Focus> focus, CodeToolSession session) {
        Map<String, List<Focus>> byFile = new LinkedHashMap<>();
        focus.forEach(
                f -> byFile.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
        List<CodeExcerpt> excerpts = new ArrayList<>();
        for (Map.Entry<String, List<Focus>> file : byFile.entrySet()) {
            for (List<Focus> window : windows(file.getValue())) {
                if (excerpts.size() >= MAX_EXCERPTS) {
                    return excerpts;
                }
                int start = Math.max(1, window.get(0).line() - CONTEXT);
                int end = window.get(window.size() - 1).line() + CONTEXT;
                CodeToolSession.Slice slice = session.read(file.getKey(), start, end);
                if (slice == null || slice.lines().isEmpty()) {
                    continue;
                }
                List<Integer> lines =
                        window.stream().map(Focus::line).distinct().toList();
                List<String> reasons =
                        window.stream().map(Focus::reason).distinct().toList();
                excerpts.add(new CodeExcerpt(
                        slice.path(),
                        slice.startLine(),
                        redact(slice.lines()),
                        lines,
                        reasons,
                        link(
                                slice.url(),
                                slice.startLine(),
                                slice.startLine() + slice.lines().size() - 1)));
            }
        }
        return excerpts;
    }

    /**
     * Redacts quoted lines together, so a secret spanning lines (a private key) is caught, while
     * keeping one output line per input line so line numbers stay true.
     */
    private List<String> redact(List<String> lines) {
        List<String> joined = List.of(redactor.redact(String.join("\n", lines)).split("\n", -1));
        if (joined.size() == lines.size()) {
            return joined;
        }
        List<String> out = new ArrayList<>();
        boolean inKey = false;
        for (String line : lines) {
            inKey |= line.contains("BEGIN") && line.contains("PRIVATE KEY-----");
            out.add(inKey ? "<redacted:private-key>" : redactor.redact(line));
            inKey &= !(line.contains("END") && line.contains("PRIVATE KEY-----"));
        }
        return out;
    }

    /** Focus lines grouped so that each group is quoted as one excerpt of bounded length. */
    private static List<List<Focus>> windows(List<Focus> focus) {
        List<Focus> sorted =
                focus.stream().sorted(Comparator.comparingInt(Focus::line)).toList();
        List<List<Focus>> windows = new ArrayList<>();
        List<Focus> current = new ArrayList<>();
        for (Focus f : sorted) {
            if (!current.isEmpty()) {
                int start = current.get(0).line() - CONTEXT;
                int end = current.get(current.size() - 1).line() + CONTEXT;
                boolean near = f.line() - CONTEXT <= end + 4;
                if (!near || f.line() + CONTEXT - start + 1 > MAX_EXCERPT_LINES) {
                    windows.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(f);
        }
        if (!current.isEmpty()) {
            windows.add(current);
        }
        return windows;
    }

    private static String link(String url, int start, int end) {
        if (url == null || url.contains("#") || !url.contains("/blob/")) {
            return url;
        }
        return url + "#L" + start + "-L" + end;
    }

    /** {@code main.getColor} to {@code getColor}, {@code com.example.Cart.total} to {@code total}, {@code main.(*palette).current} to {@code current}. */
    static String shortName(String function) {
        String f = function.replaceAll("\\(.*?\\)\\.", "").replaceAll("\\(.*$", "");
        int dot = f.lastIndexOf('.');
        return dot >= 0 ? f.substring(dot + 1) : f;
    }

    private static String describe(String function) {
        return function == null ? "" : " " + function;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }
}
