package dev.canarycouncil.orchestrator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.canarycouncil.orchestrator.history.FixStep.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixLoopsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static FixStep step(String issue, Step step, String rollout, Duration after) {
        return new FixStep(issue, step, "shop", rollout, T0.plus(after), "a");
    }

    @Test
    void eachServiceGetsTheMedianFromTheRollbackToEachStep() {
        List<FixLoops.Loop> loops = FixLoops.of(List.of(
                step("i/1", Step.ROLLBACK, "orders", Duration.ZERO),
                step("i/1", Step.ISSUE, "orders", Duration.ofSeconds(40)),
                step("i/1", Step.PULL_REQUEST, "orders", Duration.ofHours(2)),
                step("i/1", Step.VERIFIED, "orders", Duration.ofDays(1)),
                step("i/2", Step.ROLLBACK, "orders", Duration.ofDays(2)),
                step("i/2", Step.ISSUE, "orders", Duration.ofDays(2).plusSeconds(50)),
                step("i/3", Step.ROLLBACK, "orders", Duration.ofDays(3)),
                step("i/3", Step.ISSUE, "orders", Duration.ofDays(3).plusSeconds(30)),
                step("i/4", Step.ROLLBACK, "cart", Duration.ZERO),
                step("i/4", Step.ISSUE, "cart", Duration.ofSeconds(5))));
        assertEquals(2, loops.size());
        FixLoops.Loop orders = loops.get(0);
        assertEquals("orders", orders.rollout());
        assertEquals(3, orders.issues());
        assertEquals(new FixLoops.Stage(3, Optional.of(Duration.ofSeconds(40))), orders.toIssue(), "30, 40, 50 s");
        assertEquals(new FixLoops.Stage(1, Optional.of(Duration.ofHours(2))), orders.toPullRequest());
        assertEquals(new FixLoops.Stage(1, Optional.of(Duration.ofDays(1))), orders.toVerified());
        assertEquals(
                "3 issues · rollback→issue 40 s (3) · →pull request 2.0 h (1) · →verified fix 24.0 h (1)",
                orders.text());
        assertEquals(new FixLoops.Stage(0, Optional.empty()), loops.get(1).toVerified());
    }

    @Test
    void anIssueFoundOnGitHubIsCountedButNotTimedAndAnEarlyPullRequestTookNoTime() {
        FixLoops.Loop loop = FixLoops.of(List.of(
                        step("i/9", Step.VERIFIED, "orders", Duration.ofHours(5)),
                        step("i/1", Step.ROLLBACK, "orders", Duration.ofHours(1)),
                        step("i/1", Step.PULL_REQUEST, "orders", Duration.ZERO)))
                .get(0);
        assertEquals(2, loop.issues());
        assertEquals(new FixLoops.Stage(1, Optional.empty()), loop.toVerified(), "no rollback to count from");
        assertEquals(new FixLoops.Stage(1, Optional.of(Duration.ZERO)), loop.toPullRequest());
    }
}
