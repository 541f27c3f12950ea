package dev.canarycouncil.orchestrator.council;

/**
 * A member's own words (progress, failure reasons, a text-only reply) made safe to relay: one line, no control
 * characters (a peer must not be able to rewrite a terminal), and short.
 */
final class ProgressText {

    static final int MAX = 300;

    private ProgressText() {}

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() > MAX ? oneLine.substring(0, MAX) + "…" : oneLine;
    }
}
