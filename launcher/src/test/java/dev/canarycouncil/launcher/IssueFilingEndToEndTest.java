package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.FakeIssue;
import dev.canarycouncil.runtime.testing.GitHubFake;
import dev.canarycouncil.runtime.testing.Recordings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze with a GitHub repository and token: the rollback's issue is filed once, with the
 * suspect code, and its URL is in the verdict; a second run comments instead of filing again.
 * Runs the launcher as a process because the token comes from the environment.
 */
class IssueFilingEndToEndTest {

    private static final String TOKEN = "ghp_end2endTestToken000000000000000000";

    private static JsonNode analyze(GitHubFake github, Path issueDir, List<String> output) throws Exception {
        Path recording = Recordings.named("go-panic-index-out-of-range");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "analyze",
                "--recording",
                recording.toString(),
                "--github-repo",
                "shop/checkout",
                "--github-url",
                github.url(),
                "--issue-dir",
                issueDir.toString(),
                "--issue-label",
                "canary-rollback,jules",
                "--json",
                "-q");
        pb.environment().put(CodeOptions.TOKEN_ENV, TOKEN);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCodes.ROLLBACK, p.exitValue(), err);
        output.add(err);
        return Json.mapper().readTree(out);
    }

    @Test
    void aRollbackIsFiledOnceWithItsUrlInTheVerdictThenCommentedOn(@TempDir Path issueDir) throws Exception {
        try (GitHubFake github = GitHubFake.start(TOKEN)) {
            github.addRepository("shop/checkout");
            List<String> stderr = new java.util.ArrayList<>();
            JsonNode first = analyze(github, issueDir, stderr);
            List<FakeIssue> issues = github.issues("shop/checkout");
            assertEquals(1, issues.size());
            FakeIssue issue = issues.get(0);
            assertTrue(issue.title().contains("panics: index out of range in getColor (main.go:42)"), issue.title());
            assertTrue(
                    issue.labels().containsAll(List.of("canary-rollback", "jules")),
                    issue.labels().toString());
            assertTrue(issue.body().contains("main.go"), "the suspect code is quoted");
            assertEquals(
                    "filed",
                    first.path("issue").path("state").asText(),
                    first.path("issue").toString());
            String url = first.path("issue").path("url").asText();
            assertTrue(url.endsWith("/issues/" + issue.number()), url);

            JsonNode second = analyze(github, issueDir, stderr);
            assertEquals(1, github.issues("shop/checkout").size(), "the same failure is not filed twice");
            assertEquals(1, github.comments("shop/checkout", issue.number()).size());
            assertEquals("commented", second.path("issue").path("state").asText());
            assertEquals(url, second.path("issue").path("url").asText());
            for (String err : stderr) {
                assertFalse(err.contains(TOKEN), "the token never shows: " + err);
            }
        }
    }
}
