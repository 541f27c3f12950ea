package dev.canarycouncil.metrics.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a PromQL template's placeholders for one side:
 * {@code {{selector}}} ({@code service="…",rollouts_pod_template_hash="…"}, the labels of the
 * app's own metrics), {@code {{pods}}} ({@code namespace="…",pod=~".+-HASH-.+"}, for cAdvisor and
 * kube-state-metrics series), {@code {{hash}}}, {@code {{canary}}} and {@code {{stable}}} (the
 * pod-template hashes), {@code {{service}}}, {@code {{namespace}}}, and {@code {{interval}}} (a
 * range for {@code rate()}, e.g. {@code 60s}), {@code {{rollout}}}, {@code {{side}}} ({@code canary} or
 * {@code stable}), and {@code {{target}}} (the matchers that select this side's series in the chosen
 * metric preset; {@code {{selector}}}'s without one). Values are escaped for PromQL strings.
 */
public final class QueryTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private QueryTemplate() {}

    public static String render(String template, SideContext side) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), side)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String name, SideContext side) {
        return switch (name) {
            case "selector" ->
                (side.service() == null ? "" : "service=" + quote(side.service()) + ",") + "rollouts_pod_template_hash="
                        + quote(side.hash());
            // Argo Rollouts names pods <rollout>-<pod-template-hash>-<suffix>.
            case "pods" -> "namespace=" + quote(side.namespace()) + ",pod=~" + quote(".+-" + side.hash() + "-.+");
            case "hash" -> escape(side.hash());
            case "canary" -> escape(side.canaryHash());
            case "stable" -> escape(side.stableHash());
            case "service" -> escape(side.service());
            case "namespace" -> escape(side.namespace());
            case "interval" -> side.interval().toSeconds() + "s";
            case "rollout" -> escape(side.rollout());
            case "side" -> escape(side.side());
            // The target is already a list of matchers, rendered and escaped when the preset's target was chosen.
            case "target" -> side.target() != null ? side.target() : value("selector", side);
            default ->
                throw new IllegalArgumentException(
                        "unknown placeholder {{" + name + "}}; known: {{selector}}, {{pods}}, "
                                + "{{target}}, {{hash}}, {{canary}}, {{stable}}, {{service}}, {{namespace}}, {{rollout}}, {{side}}, {{interval}}");
        };
    }

    /** A PromQL string literal. */
    public static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
