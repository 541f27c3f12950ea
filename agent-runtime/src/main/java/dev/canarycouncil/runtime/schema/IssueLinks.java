package dev.canarycouncil.runtime.schema;

import java.util.List;

/**
 * The issue writer's answer to an {@link IssueLookup}.
 *
 * @param issues the issues it could read, known or found
 * @param notes  what it could not read and why (GitHub down, no repository configured), for the verdict
 */
public record IssueLinks(List<LinkedIssue> issues, List<String> notes) {

    public IssueLinks {
        issues = issues == null ? List.of() : List.copyOf(issues);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public static IssueLinks unread(String why) {
        return new IssueLinks(List.of(), List.of(why));
    }
}
