package dev.canarycouncil.runtime.a2a;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.canarycouncil.runtime.json.Json;
import io.a2a.spec.DataPart;
import io.a2a.spec.Part;
import io.a2a.spec.TextPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our payloads as A2A parts. Each payload travels as a DataPart tagged with its kind in the part's
 * metadata, next to a TextPart with a human summary for peers that only read text.
 */
public final class A2aParts {

    /** Metadata key naming the payload kind of a DataPart. */
    public static final String KIND = "kind";

    /** What callers send the coordinator: which canary to judge. */
    public static final String ANALYSIS_TARGET = "canary-council/analysis-target/v1";
    /** What the coordinator sends each specialist: the fully resolved rollout context. */
    public static final String ANALYSIS_REQUEST = "canary-council/analysis-request/v1";

    public static final String FINDING = "canary-council/finding/v1";
    public static final String VERDICT = "canary-council/verdict/v1";
    public static final String ISSUE_REQUEST = "canary-council/issue-request/v1";
    public static final String ISSUE_DRAFT = "canary-council/issue-draft/v1";
    /** The coordinator's checks of open issues, for the issue writer to report on GitHub, and what it did. */
    public static final String FIX_REPORT = "canary-council/fix-report/v1";

    public static final String ISSUE_UPDATES = "canary-council/issue-updates/v1";
    /** The coordinator's question about a rollout's remediation issues on GitHub, and the writer's answer. */
    public static final String ISSUE_LOOKUP = "canary-council/issue-lookup/v1";

    public static final String ISSUE_LINKS = "canary-council/issue-links/v1";
    /** The coordinator's answer to a follow-up question in an investigation. */
    public static final String ANSWER = "canary-council/answer/v1";
    /** A follow-up question routed to a specialist, and its answer. */
    public static final String FOLLOW_UP = "canary-council/follow-up/v1";

    public static final String FOLLOW_UP_ANSWER = "canary-council/follow-up-answer/v1";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private A2aParts() {}

    /** A DataPart carrying {@code value} and a TextPart carrying {@code summary}. */
    public static List<Part<?>> payload(String kind, Object value, String summary) {
        List<Part<?>> parts = new ArrayList<>();
        parts.add(dataPart(kind, value));
        if (summary != null && !summary.isBlank()) {
            parts.add(new TextPart(summary));
        }
        return parts;
    }

    public static DataPart dataPart(String kind, Object value) {
        Map<String, Object> data = Json.mapper().convertValue(value, MAP);
        return new DataPart(data, Map.of(KIND, kind));
    }

    /**
     * Reads the first DataPart of the given kind.
     *
     * @throws IllegalArgumentException when such a part exists but does not fit {@code type}
     */
    public static <T> Optional<T> read(List<Part<?>> parts, String kind, Class<T> type) {
        if (parts == null) {
            return Optional.empty();
        }
        for (Part<?> part : parts) {
            if (part instanceof DataPart data && kind.equals(kindOf(data))) {
                try {
                    return Optional.of(Json.mapper().convertValue(data.getData(), type));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("The " + kind + " part is malformed: " + rootMessage(e), e);
                }
            }
        }
        return Optional.empty();
    }

    /** All text parts joined by newlines; empty when there are none. */
    public static String text(List<Part<?>> parts) {
        if (parts == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Part<?> part : parts) {
            if (part instanceof TextPart t && t.getText() != null) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(t.getText());
            }
        }
        return text.toString();
    }

    private static String kindOf(DataPart part) {
        Map<String, Object> metadata = part.getMetadata();
        Object kind = metadata == null ? null : metadata.get(KIND);
        return kind == null ? null : kind.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        // Jackson appends the reference chain on a new line; the first line is what a person needs.
        return message == null
                ? t.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
