package io.github.minimax4j.sample.readme;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every {@code ```java} block of the README and of every page under {@code docs/} against this module's
 * test classpath (the starter, the Spring AI starter, the test support and Spring Web are all on it), so the
 * examples cannot rot. A block is
 * wrapped in a class: type and annotated member declarations become members, the rest the body of a method.
 * The names the examples take as given ({@code minimax}, {@code request}, {@code chatClient}, ...) are fields
 * of that class. A block that is a fragment by design opts out with the line {@code // not compiled}.
 */
class ReadmeExamplesTests {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^([ \\t]*)```java\\n(.*?)^[ \\t]*```",
            Pattern.DOTALL);

    private static final String IMPORTS = """
            import io.github.minimax4j.anthropic.*;
            import io.github.minimax4j.openai.*;
            import io.github.minimax4j.model.*;
            import io.github.minimax4j.client.*;
            import io.github.minimax4j.error.*;
            import io.github.minimax4j.springai.*;
            import io.github.minimax4j.test.*;
            import io.github.minimax4j.test.simulator.*;
            import java.util.*;
            import java.time.*;
            import java.net.*;
            import io.micrometer.observation.*;
            import org.springframework.web.bind.annotation.*;
            import org.springframework.stereotype.*;
            import org.springframework.context.annotation.*;
            import org.springframework.beans.factory.annotation.*;
            import org.springframework.boot.test.context.*;
            import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
            import org.springframework.boot.http.client.*;
            import org.springframework.boot.http.client.autoconfigure.*;
            import org.springframework.ai.chat.client.*;
            import org.springframework.ai.tool.annotation.*;
            import org.junit.jupiter.api.*;
            import static org.assertj.core.api.Assertions.*;
            """;

    private static final String GIVEN = """
                MiniMaxClient minimax;
                MessageRequest request;
                ObservationRegistry observationRegistry;
                ChatClient chatClient;
                Object weatherTools;
            """;

    @TempDir
    Path output;

    @TestFactory
    List<DynamicTest> everyJavaExampleOfTheReadmeAndTheDocsCompiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : pages()) {
            tests.addAll(examplesOf(page));
        }
        assertThat(tests).as("java blocks found in README.md and docs/").hasSizeGreaterThanOrEqualTo(15);
        return tests;
    }

    /** README.md and every page of docs/, the same rule for each: a page's examples are read as a user reads them. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("..", "README.md"));
        try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
            docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private List<DynamicTest> examplesOf(Path page) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String pageName = Path.of("..").relativize(page).toString();
        List<DynamicTest> tests = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(text);
        while (block.find()) {
            int line = (int) text.substring(0, block.start()).chars().filter((c) -> c == '\n').count() + 1;
            String code = dedent(block.group(2), block.group(1).length());
            if (code.contains("// not compiled")) {
                continue;
            }
            String where = pageName + " line " + line;
            String className = "Example_" + pageName.replaceAll("[^A-Za-z0-9]", "_") + "_" + line;
            tests.add(DynamicTest.dynamicTest(where, () -> assertCompiles(code, where, className)));
        }
        return tests;
    }

    private void assertCompiles(String code, String where, String name) throws IOException {
        String source = wrap(name, code);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classpath(), "-d", this.output.toString(), "-proc:none",
                    "-parameters");
            boolean compiled = compiler
                .getTask(null, files, diagnostics, options, null, List.of(new Source(name, source)))
                .call();
            String errors = diagnostics.getDiagnostics()
                .stream()
                .filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map((diagnostic) -> "line " + diagnostic.getLineNumber() + ": "
                        + diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
            assertThat(compiled).as("the example at %s does not compile:%n%s%n--- as compiled ---%n%s",
                    where, errors, numbered(source)).isTrue();
        }
    }

    /** Declarations (annotated or type declarations at the top level) become members; the rest a method body. */
    static String wrap(String name, String code) {
        StringBuilder members = new StringBuilder();
        StringBuilder statements = new StringBuilder();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (trimmed.startsWith("@") || trimmed.matches("(class|record|interface|enum) .*")) {
                int depth = 0;
                boolean opened = false;
                for (; i < lines.length; i++) {
                    members.append(lines[i]).append('\n');
                    for (char c : lines[i].toCharArray()) {
                        if (c == '{') {
                            depth++;
                            opened = true;
                        }
                        else if (c == '}') {
                            depth--;
                        }
                    }
                    if (opened && depth == 0) {
                        break;
                    }
                }
            }
            else {
                statements.append(lines[i]).append('\n');
            }
        }
        String toolImport = code.contains("@Tool(") ? "import org.springframework.ai.tool.annotation.Tool;\n"
                : "import io.github.minimax4j.anthropic.Tool;\n";
        return "package readme;\n" + IMPORTS + toolImport + "\n@SuppressWarnings(\"all\")\nclass " + name + " {\n"
                + GIVEN + "\n" + members + "\n    void example() throws Exception {\n" + statements + "    }\n}\n";
    }

    private static String dedent(String code, int indent) {
        return code.lines()
            .map((line) -> line.substring(Math.min(indent, line.length() - line.stripLeading().length())))
            .collect(Collectors.joining("\n"));
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
    }

    private static String numbered(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }

    private static final class Source extends SimpleJavaFileObject {

        private final String code;

        Source(String name, String code) {
            super(URI.create("string:///readme/" + name + ".java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return this.code;
        }
    }
}
