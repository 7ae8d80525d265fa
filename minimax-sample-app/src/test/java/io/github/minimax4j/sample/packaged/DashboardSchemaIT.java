package io.github.minimax4j.sample.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * grafana/dashboard.json against Grafana's dashboard schema: grafana/schema-check/check.mjs type-checks it with
 * the TypeScript compiler against {@code @grafana/grafana-foundation-sdk} (pinned in its package-lock.json, which
 * {@code npm ci} installs under target/). Needs node and npm; skipped, saying so, without them.
 */
class DashboardSchemaIT {

    private static final Path CHECKER = Path.of("grafana", "schema-check");

    private static final Path WORK = Path.of("target", "grafana-schema-check");

    @Test
    void theDashboardTypeChecksAgainstGrafanasSchema() throws Exception {
        PackagedApp.assumeOnPath("apt-get install nodejs npm", "node", "npm");
        Files.createDirectories(WORK);
        if (!sameContent(CHECKER.resolve("package-lock.json"), WORK.resolve("package-lock.json"))
                || !Files.isRegularFile(WORK.resolve("node_modules/.bin/tsc"))) {
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(CHECKER.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            run("npm-ci", WORK, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        run("schema-check", Path.of("."), "node", CHECKER.resolve("check.mjs").toAbsolutePath().toString(),
                Path.of("grafana", "dashboard.json").toAbsolutePath().toString(), WORK.toAbsolutePath().toString());
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        return Files.isRegularFile(b) && Files.mismatch(a, b) == -1;
    }

    /** Runs a command to its end (10 minutes at most), its output in target/NAME.log; fails on a non-zero exit. */
    private static void run(String name, Path directory, String... command) throws Exception {
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0).as("%s exited %s; %s:%n%s", String.join(" ", command),
                ended ? process.exitValue() : "after 10 minutes, killed", log, Files.readString(log)).isTrue();
    }
}
