package dev.canarycouncil.issuewriter;

import dev.canarycouncil.issuewriter.filing.GitHubFilingConfig;
import dev.canarycouncil.runtime.llm.ModelConfig;
import dev.canarycouncil.runtime.repository.RepositoryAllowList;
import java.nio.file.Path;
import java.util.List;

/**
 * How the issue writer drafts and files.
 *
 * @param labels    labels for drafts (e.g. {@code canary-rollback}, {@code jules}); GitHub's own labels, when set, win
 * @param draftDir  where drafts are kept as Markdown, or null
 * @param github    where to file them, or null for a dry run (the default: drafts are only returned)
 * @param models    the model that writes the summary and fix sections, if any
 * @param repositories which repositories a request may name (the plugin's repoUrl) for code lookup and filing
 */
public record IssueWriterConfig(
        List<String> labels,
        Path draftDir,
        GitHubFilingConfig github,
        ModelConfig models,
        RepositoryAllowList repositories) {

    public IssueWriterConfig {
        labels = labels == null ? IssueWriterService.DEFAULT_LABELS : List.copyOf(labels);
        models = models == null ? ModelConfig.none() : models;
        repositories = repositories == null ? RepositoryAllowList.none() : repositories;
    }

    /** An issue writer that writes from the template only. */
    public IssueWriterConfig(List<String> labels, Path draftDir, GitHubFilingConfig github) {
        this(labels, draftDir, github, ModelConfig.none(), RepositoryAllowList.none());
    }

    public IssueWriterConfig withModels(ModelConfig newModels) {
        return new IssueWriterConfig(labels, draftDir, github, newModels, repositories);
    }

    public IssueWriterConfig withRepositories(RepositoryAllowList allowList) {
        return new IssueWriterConfig(labels, draftDir, github, models, allowList);
    }

    public static IssueWriterConfig dryRun(List<String> labels, Path draftDir) {
        return new IssueWriterConfig(labels, draftDir, null);
    }
}
