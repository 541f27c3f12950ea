package dev.canarycouncil.runtime.schema;

/**
 * What the issue writer did to one issue.
 *
 * @param issueUrl the issue
 * @param action   {@code commented}, {@code closed}, {@code already-reported}, {@code skipped} or {@code failed}
 * @param detail   what was done or why not, in words
 */
public record IssueUpdate(String issueUrl, String action, String detail) {}
