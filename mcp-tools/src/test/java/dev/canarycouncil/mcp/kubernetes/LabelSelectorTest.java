package dev.canarycouncil.mcp.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.canarycouncil.mcp.tool.ToolException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> POD =
            Map.of("app", "checkout", "rollouts-pod-template-hash", "abc", "tier", "web");

    @Test
    void supportsEveryOperatorKubernetesDoes() {
        assertTrue(LabelSelector.parse("app=checkout,rollouts-pod-template-hash==abc")
                .matches(POD));
        assertFalse(LabelSelector.parse("app=checkout,rollouts-pod-template-hash!=abc")
                .matches(POD));
        assertTrue(LabelSelector.parse("tier in (web, api)").matches(POD));
        assertFalse(LabelSelector.parse("tier notin (web)").matches(POD));
        assertTrue(LabelSelector.parse("app,!canary").matches(POD));
        assertFalse(LabelSelector.parse("!app").matches(POD));
        assertTrue(LabelSelector.parse("").matches(POD));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ToolException.class, () -> LabelSelector.parse("app=checkout,%%%"));
    }
}
