package io.github.minimax4j.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The client module's layering: the wire model ({@code anthropic}, {@code openai}, {@code model}, {@code error}) is
 * a leaf that knows neither the client nor observation, and carries Jackson's annotations but no Jackson code; one JSON
 * mapper, the client's; no package cycles; no Spring Boot anywhere.
 */
class LayeringTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.minimax4j");
    }

    @Test
    void wirePackagesDoNotDependOnClientOrObservation() {
        noClasses().that()
            .resideInAnyPackage("io.github.minimax4j.anthropic..", "io.github.minimax4j.openai..",
                    "io.github.minimax4j.model..", "io.github.minimax4j.error..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.github.minimax4j.client..", "io.github.minimax4j.observation..")
            .check(classes);
    }

    @Test
    void observationDoesNotDependOnClient() {
        noClasses().that()
            .resideInAPackage("io.github.minimax4j.observation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.minimax4j.client..")
            .check(classes);
    }

    @Test
    void wireTypesCarryJacksonAnnotationsButNeverTouchAMapper() {
        noClasses().that()
            .resideInAnyPackage("io.github.minimax4j.anthropic..", "io.github.minimax4j.openai..",
                    "io.github.minimax4j.model..", "io.github.minimax4j.error..", "io.github.minimax4j.observation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("tools.jackson..")
            .check(classes);
    }

    @Test
    void theClientBuildsOneJsonMapper() {
        noClasses().that()
            .doNotHaveFullyQualifiedName("io.github.minimax4j.client.Json")
            .should()
            .callMethod(JsonMapper.class, "builder")
            .orShould()
            .callMethod(JsonMapper.class, "shared")
            .orShould()
            .callConstructor(JsonMapper.class)
            .orShould()
            .callConstructor(ObjectMapper.class)
            .check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.github.minimax4j.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingImportsSpringBoot() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework.boot..").check(classes);
    }
}
