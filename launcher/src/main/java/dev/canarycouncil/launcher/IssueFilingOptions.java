package dev.canarycouncil.launcher;

import dev.canarycouncil.issuewriter.IssueWriterConfig;
import dev.canarycouncil.issuewriter.IssueWriterService;
import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How the issue writer keeps and files drafts. A dry run (drafts returned, and written as
 * Markdown with --issue-dir) unless a GitHub repository and a token are both configured; then it
 * files on GitHub, with an on-disk outbox for drafts GitHub could not take yet.
 */
final class IssueFilingOptions {

    @Option(
            names = "--issue-dir",
            paramLabel = "DIR",
            description = "Keep remediation issue drafts here as Markdown; the GitHub outbox lives in DIR/outbox.")
    Path issueDir;

    @Option(
            names = "--issue-label",
            paramLabel = "LABEL",
            split = ",",
            description = "Labels for remediation issues, e.g. canary-rollback,jules (default: canary-rollback).")
    List<String> labels;

    @Option(names = "--issue-assignee", paramLabel = "LOGIN", description = "Assign filed issues to this GitHub user.")
    String assignee;

    /** @param code the --github-repo/--github-url the code tools use: issues are filed in the same repository */
    IssueWriterConfig config(CodeOptions code) {
        List<String> issueLabels = labels == null || labels.isEmpty() ? IssueWriterService.DEFAULT_LABELS : labels;
        String token = System.getenv(CodeOptions.TOKEN_ENV);
        if (code.githubRepo == null || code.githubRepo.isBlank() || token == null || token.isBlank()) {
            return IssueWriterConfig.dryRun(issueLabels, issueDir).withRepositories(code.allowList());
        }
        Path outbox = issueDir != null
                ? issueDir.resolve("outbox")
                : Path.of(System.getProperty("user.home"), ".canary-council", "outbox");
        try {
            GitHubFilingConfig github = GitHubFilingConfig.of(code.githubRepo, token, outbox)
                    .withApiUrl(code.githubUrl)
                    .withLabels(issueLabels);
            return new IssueWriterConfig(
                            issueLabels, issueDir, assignee == null ? github : github.withAssignee(assignee))
                    .withRepositories(code.allowList());
        } catch (IllegalArgumentException e) {
            throw new UsageException("issue filing: " + e.getMessage());
        }
    }
}
