package dev.canarycouncil.orchestrator.council;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.canarycouncil.runtime.schema.AnalysisRequest;
import dev.canarycouncil.runtime.schema.Decision;
import dev.canarycouncil.runtime.schema.IssueDraft;
import dev.canarycouncil.runtime.schema.IssueFiling;
import dev.canarycouncil.runtime.schema.PodGroup;
import dev.canarycouncil.runtime.schema.TimeWindow;
import dev.canarycouncil.runtime.schema.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which analyses owe GitHub an issue: a controller's rollback whose draft the writer meant to file and could not. */
class FinishedAnalysisTest {

    private static FinishedAnalysis finished(Decision decision, String issueState, IssueFiling filing) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        AnalysisRequest request = AnalysisRequest.builder(
                        "a-1",
                        "shop",
                        new PodGroup("7c9d6f5b4", "app=checkout", List.of("checkout-7c9d6f5b4-g8mzr")),
                        new PodGroup("5f7d8c9b6", "app=checkout", List.of("checkout-5f7d8c9b6-x2k4p")),
                        new TimeWindow(t.minusSeconds(600), t))
                .rollout("checkout")
                .build();
        Verdict.Builder verdict =
                Verdict.builder().analysisId("a-1").decision(decision).confidence(90);
        if (issueState != null) {
            verdict.issue(
                    IssueDraft.draft("title", "body", List.of(), "f00d").build().withOutcome(null, issueState, ""));
        }
        return new FinishedAnalysis(request, verdict.build(), Requester.CONTROLLER, t, List.of(), filing);
    }

    @ParameterizedTest
    @CsvSource({
        "ROLLBACK, queued, FILE, true",
        "ROLLBACK, failed, FILE, true",
        "ROLLBACK, filed, FILE, false",
        "ROLLBACK, commented, FILE, false",
        "ROLLBACK, draft, FILE, false",
        "ROLLBACK, queued, DRAFT_ONLY, false",
        "PROMOTE, , FILE, false"
    })
    void anIssueIsOwedOnlyWhenItWasMeantForGitHubAndIsNotThere(
            Decision decision, String state, IssueFiling filing, boolean owed) {
        assertEquals(owed, finished(decision, state, filing).issueOwed());
    }

    @Test
    void aControllersRollbackWithNoDraftAtAllOwesOne() {
        assertEquals(true, finished(Decision.ROLLBACK, null, IssueFiling.FILE).issueOwed());
    }
}
