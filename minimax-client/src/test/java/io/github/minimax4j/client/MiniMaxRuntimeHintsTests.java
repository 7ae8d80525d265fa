package io.github.minimax4j.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatUsage;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The AOT hints cover every type of the wire packages, with what Jackson and WireDeserializers reflect on. */
class MiniMaxRuntimeHintsTests {

    /** Classes of the wire packages that never meet JSON. */
    private static final Set<String> NOT_WIRE = Set.of("JsonMaps", "ThinkSplitter", "package-info");

    private final RuntimeHints hints = new RuntimeHints();

    MiniMaxRuntimeHintsTests() {
        new MiniMaxRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
    }

    @Test
    void springsAotProcessingFindsTheRegistrarInAotFactories() {
        assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
            .hasAtLeastOneElementOfType(MiniMaxRuntimeHints.class);
    }

    @Test
    void everyTypeOfTheWirePackagesHasReflectionHints() throws Exception {
        List<Class<?>> wire = wirePackageTypes();
        assertThat(wire).hasSizeGreaterThan(40);
        for (Class<?> type : wire) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(this.hints);
        }
    }

    @Test
    void recordsCanBeBuiltThroughTheirCanonicalConstructorAndReadThroughTheirAccessors() throws Exception {
        List<Class<?>> records = new ArrayList<>(wirePackageTypes().stream().filter(Class::isRecord).toList());
        records.add(DefaultMessagesApi.CountTokensResponse.class);
        assertThat(records).hasSizeGreaterThan(25);
        for (Class<?> type : records) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).as(type.getName())
                .accepts(this.hints);
            for (RecordComponent component : components) {
                assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
                    .as(type.getName() + "." + component.getName()).accepts(this.hints);
            }
        }
    }

    @Test
    void classesCanBeBuiltThroughTheirJsonCreatorAndWrittenFromTheirFields() throws Exception {
        List<Class<?>> classes = wirePackageTypes().stream()
            .filter((type) -> Arrays.stream(type.getDeclaredConstructors())
                .anyMatch((constructor) -> constructor.isAnnotationPresent(JsonCreator.class)))
            .toList();
        assertThat(classes).contains(MessageResponse.class, ChatCompletionChunk.class, ChatCompletionChunk.Delta.class,
                ChatMessage.class, Usage.class, ChatUsage.class);
        for (Class<?> type : classes) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.isAnnotationPresent(JsonCreator.class)) {
                    assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(constructor))
                        .as(type.getName()).accepts(this.hints);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(JsonProperty.class)) {
                    assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(field))
                        .as(type.getName() + "." + field.getName()).accepts(this.hints);
                }
            }
        }
    }

    @Test
    void enumsCanBeReadByName() throws Exception {
        for (Class<?> type : wirePackageTypes().stream().filter(Class::isEnum).toList()) {
            assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(type, "values")).as(type.getName())
                .accepts(this.hints);
        }
    }

    /** Every class in the anthropic, openai and model packages (nested ones too) but those that never meet JSON. */
    private static List<Class<?>> wirePackageTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pkg : List.of("anthropic", "openai", "model")) {
            for (Resource resource : resolver.getResources("classpath*:io/github/minimax4j/" + pkg + "/*.class")) {
                String file = resource.getFilename().replace(".class", "");
                if (NOT_WIRE.contains(file.split("\\$")[0]) || file.matches(".*\\$\\d+.*") || file.contains("Tests")) {
                    continue; // not wire, an anonymous class, or a test
                }
                types.add(Class.forName("io.github.minimax4j." + pkg + "." + file));
            }
        }
        return types;
    }
}
