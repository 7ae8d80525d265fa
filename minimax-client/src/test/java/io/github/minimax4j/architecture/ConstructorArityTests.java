package io.github.minimax4j.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;

/**
 * The rule that lets MiniMax add a field without breaking callers: no public constructor of a public type
 * takes more than a few arguments. A record's canonical constructor is public, so a wide record is caught
 * here too; such types are classes with a builder instead.
 */
class ConstructorArityTests {

    /** Four: a media source or a price is still read naturally in one call; a fifth is a builder's job. */
    private static final int MOST_ARGUMENTS = 4;

    @Test
    void noPublicConstructorTakesMoreThanAFewArguments() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.minimax4j");
        constructors().that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .should(takeAtMost(MOST_ARGUMENTS))
            .check(classes);
    }

    private static ArchCondition<JavaConstructor> takeAtMost(int arguments) {
        return new ArchCondition<>("take at most " + arguments + " arguments") {
            @Override
            public void check(JavaConstructor constructor, ConditionEvents events) {
                int count = constructor.getRawParameterTypes().size();
                events.add(new SimpleConditionEvent(constructor, count <= arguments,
                        constructor.getFullName() + " takes " + count + " arguments"));
            }
        };
    }
}
