package dev.canarycouncil.runtime.tools;

/**
 * Logs of one container.
 *
 * @param truncated  true when {@code limitBytes} cut the text; the newest lines are kept
 */
public record ContainerLog(
        String pod, String container, boolean previous, String text, int lineCount, boolean truncated) {}
