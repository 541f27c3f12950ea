package dev.canarycouncil.runtime.testing;

import java.time.Instant;
import java.util.List;

/** An issue held by {@link GitHubFake}; immutable, replaced on every change. */
public record FakeIssue(
        String repo,
        int number,
        long id,
        String title,
        String body,
        List<String> labels,
        List<String> assignees,
        String state,
        String author,
        Instant createdAt,
        Instant updatedAt) {

    public FakeIssue {
        labels = List.copyOf(labels);
        assignees = List.copyOf(assignees);
    }

    public boolean open() {
        return "open".equals(state);
    }

    FakeIssue edited(
            String newTitle, String newBody, List<String> newLabels, List<String> newAssignees, String newState) {
        return new FakeIssue(
                repo,
                number,
                id,
                newTitle,
                newBody,
                newLabels,
                newAssignees,
                newState,
                author,
                createdAt,
                Instant.now());
    }
}
