package dev.canarycouncil.loganalyst;

/** The logs of one container of one pod; {@code previous} for the container that ran before a restart. */
public record LogText(String pod, String container, boolean previous, String text, boolean truncated) {
}
