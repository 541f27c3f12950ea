package dev.canarycouncil.orchestrator.verification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Image tags and labels as CI pipelines write them (docker/metadata-action, Skaffold, Argo CD Image Updater). */
class CanaryRevisionTest {

    private static final String MERGE = "4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4";

    @Test
    void aCommitInAnImageTagLabelOrAnnotationIsFound() {
        assertTrue(CanaryRevision.of(List.of("ghcr.io/acme/orders:sha-4be1c0f")).runs(MERGE), "metadata-action's sha-");
        assertTrue(
                CanaryRevision.of(List.of("registry.example.com/orders:" + MERGE))
                        .runs(MERGE),
                "the full SHA");
        assertTrue(CanaryRevision.of(List.of("orders:v2.5.1-4be1c0f2a")).runs(MERGE), "git describe style");
        assertTrue(CanaryRevision.of(List.of("4BE1C0F2A9D3")).runs(MERGE), "case does not matter");
        assertTrue(CanaryRevision.of(List.of("orders", "4be1c0f2a9d3e7b6")).runs(MERGE), "a label or annotation value");
    }

    @Test
    void digestsShortRunsAndOtherCommitsAreNot() {
        assertFalse(
                CanaryRevision.of(List.of(
                                "orders@sha256:4be1c0f2a9d3e7b6c5a4f3e2d1c0b9a8f7e6d5c4aaaaaaaaaaaaaaaaaaaaaaaa"))
                        .runs(MERGE),
                "a digest names an image, not a commit");
        assertFalse(CanaryRevision.of(List.of("orders:4be1c0")).runs(MERGE), "6 characters could be anything");
        assertFalse(CanaryRevision.of(List.of("orders:sha-4be1c0e")).runs(MERGE), "another commit");
        assertFalse(CanaryRevision.of(List.of("orders:2.5.1")).runs(MERGE));
        assertFalse(CanaryRevision.of(List.of("orders:sha-4be1c0f")).runs(""), "an unmerged pull request");
        assertFalse(CanaryRevision.unread("list_pods failed").runs(MERGE));
    }
}
