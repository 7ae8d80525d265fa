package io.github.minimax4j.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.nativex.FileNativeConfigurationWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For native images built without Spring's AOT processing (a plain Java application on the client alone), the
 * jar ships GraalVM reachability metadata: exactly what {@link MiniMaxRuntimeHints} declares, written by Spring's
 * own writer. Regenerate after changing the hints with {@code -Dminimax.aot.regenerate=true}.
 */
class ReachabilityMetadataTests {

    private static final Path SHIPPED = Path.of("src", "main", "resources");

    @Test
    void theShippedMetadataIsWhatTheRuntimeHintsDeclare() throws IOException {
        RuntimeHints hints = new RuntimeHints();
        new MiniMaxRuntimeHints().registerHints(hints, getClass().getClassLoader());
        Path generated = Files.createTempDirectory("minimax-native-image");
        new FileNativeConfigurationWriter(generated, "io.github.minimax4j", "minimax-client").write(hints);

        List<Path> files = files(generated);
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path shipped = SHIPPED.resolve(generated.relativize(file).toString());
            if (Boolean.getBoolean("minimax.aot.regenerate")) {
                Files.createDirectories(shipped.getParent());
                Files.copy(file, shipped, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(shipped).as("run with -Dminimax.aot.regenerate=true to update it").exists();
            assertThat(Files.readString(shipped)).as(shipped.toString()).isEqualTo(Files.readString(file));
            assertThat(Files.readString(file)).contains("io.github.minimax4j.anthropic.MessageResponse");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
