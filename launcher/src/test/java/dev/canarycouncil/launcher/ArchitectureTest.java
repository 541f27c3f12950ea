package dev.canarycouncil.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape the modules keep (README, "The shape"): no cycle between packages, so a change lands
 * in one place and flows one way; agents share only agent-runtime and never each other's code.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        // Every module's main code, from its jar or classes folder; no test code (test folders, test-jars).
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.canarycouncil");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.canarycouncil.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void agentsDependOnNoOtherAgentAndTheRuntimeOnNoAgent() {
        String[] agents = {
            "dev.canarycouncil.orchestrator..",
            "dev.canarycouncil.loganalyst..",
            "dev.canarycouncil.metrics..",
            "dev.canarycouncil.issuewriter..",
            "dev.canarycouncil.mcp.."
        };
        for (String agent : agents) {
            String[] others = java.util.Arrays.stream(agents)
                    .filter(a -> !a.equals(agent))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(agent)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(classes);
        }
        noClasses()
                .that()
                .resideInAPackage("dev.canarycouncil.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(agents)
                .check(classes);
    }
}
