package dev.canarycouncil.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.canarycouncil.runtime.json.Json;
import dev.canarycouncil.runtime.testing.Recordings;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Finding schema in agent-cards/ is what a plug-in agent writes against: every finding our own
 * agents send must satisfy it, and it must refuse what the coordinator would refuse.
 */
class FindingSchemaTest {

    private static Schema schema() throws Exception {
        try (InputStream in =
                FindingSchemaTest.class.getClassLoader().getResourceAsStream("agent-cards/finding.schema.json")) {
            assertTrue(in != null, "the schema ships in the agent-cards jar");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "go-panic-index-out-of-range",
                "healthy-color-change",
                "oom-crashloop-report-cache",
                "inconclusive-low-traffic-overnight"
            })
    void everyFindingOurAgentsSendSatisfiesIt(String recording) throws Exception {
        CliRun run =
                CliRun.of("analyze", "--recording", Recordings.named(recording).toString(), "--json", "--quiet");
        JsonNode verdict = Json.mapper().readTree(run.out());
        Schema schema = schema();
        assertFalse(verdict.path("findings").isEmpty());
        for (JsonNode finding : verdict.path("findings")) {
            var errors = schema.validate(finding);
            assertTrue(errors.isEmpty(), finding.path("agent").asText() + ": " + errors);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"confidence", "verdict", "evidence", "agent"})
    void itRefusesWhatTheCoordinatorWouldRefuse(String broken) throws Exception {
        ObjectNode f = (ObjectNode) Json.mapper().readTree("""
                {"agent":"db-migrations","verdict":"ROLLBACK","confidence":90,"summary":"a migration locks orders",
                 "evidence":[{"kind":"log-template","description":"lock wait timeout","severity":"ERROR",
                              "template":"Lock wait timeout exceeded","canaryCount":12,"stableCount":0}]}""");
        Schema schema = schema();
        assertEquals(List.of(), schema.validate(f), "the valid example passes");
        switch (broken) {
            case "confidence" -> f.put("confidence", 150);
            case "verdict" -> f.put("verdict", "SHIP_IT");
            case "evidence" -> ((ObjectNode) f.path("evidence").get(0)).remove("canaryCount");
            default -> f.remove("agent");
        }
        assertFalse(schema.validate(f).isEmpty(), broken + " should be refused");
    }
}
