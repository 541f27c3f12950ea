package dev.canarycouncil.orchestrator.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.canarycouncil.orchestrator.http.BadRequestException;
import dev.canarycouncil.runtime.schema.AnalysisTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginRequestParserTest {

    @Test
    void readsThePluginsAgentModeRequest() {
        AnalysisTarget t = PluginRequestParser.parse("""
                {"userId": "argo-rollouts", "prompt": "Analyze canary deployment issue.",
                 "context": {"namespace": "shop", "podName": "7c9d6f5b4", "stableLogs": "s", "canaryLogs": "c"}}""");
        assertEquals("shop", t.namespace());
        assertEquals("7c9d6f5b4", t.podName());
        assertEquals("s", t.stableLogs());
        assertEquals("c", t.canaryLogs());
    }

    @Test
    void acceptsTheNewerSelectorForm() {
        AnalysisTarget t = PluginRequestParser.parse("""
                {"userId": "argo-rollouts", "prompt": "p", "context": {"namespace": "shop",
                 "stableSelector": "app=x,role=stable", "canarySelector": "app=x,role=canary"}}""");
        assertEquals("app=x,role=canary", t.canarySelector());
    }

    @Test
    void readsTheRolloutNameThePluginSends() {
        AnalysisTarget t = PluginRequestParser.parse("""
                {"userId": "argo-rollouts", "prompt": "p", "context": {"namespace": "shop", "rolloutName": "checkout",
                 "canarySelector": "rollouts-pod-template-hash=7c9d6f5b4"}}""");
        assertEquals("checkout", t.rollout());
        assertEquals("cart", PluginRequestParser.parse("""
                {"context": {"namespace": "shop", "rollout": "cart", "podName": "p"}}""").rollout());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "              | body",
                "{not json     | body",
                "[1]           | body",
                "{}            | context",
                "{\"context\": 5} | context",
                "{\"context\": {}} | context.namespace",
                "{\"context\": {\"namespace\": 7, \"podName\": \"p\"}} | context.namespace",
                "{\"context\": {\"namespace\": \"shop\"}} | context.podName",
                "{\"userId\": 1, \"context\": {\"namespace\": \"shop\", \"podName\": \"p\"}} | userId",
                "{\"context\": {\"namespace\": \"shop\", \"podName\": \"p\", \"canaryLogs\": []}} | context.canaryLogs"
            })
    void namesTheOffendingField(String body, String field) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> PluginRequestParser.parse(body));
        assertEquals(field, e.field(), e.getMessage());
    }
}
