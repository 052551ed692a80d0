package dev.ecsplatform.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsplatform.testkit.GoldenTemplates;
import dev.ecsplatform.testkit.JsonTreeDiff;
import dev.ecsplatform.testkit.SynthesizedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.Stack;

/**
 * Every stack of every shipped environment matches its reviewed golden template. A change to the
 * templates shows up here first, as a readable list of paths; after review, rewrite the goldens with
 * {@code mvn -B -ntp test -Dgolden.update=true} and commit them with the change.
 */
class GoldenTemplateTest {

    @TestFactory
    Stream<DynamicTest> everyStackMatchesItsGoldenTemplate() {
        return stacks().stream().map(stack -> DynamicTest.dynamicTest(stack.getStackName(), () -> {
            String environment = environmentOf(stack);
            Path golden = GoldenTemplates.file(environment, stack.getStackName());
            JsonNode actual = GoldenTemplates.normalize(SynthesizedApp.template(stack).toJSON());
            if (GoldenTemplates.updating()) {
                GoldenTemplates.write(golden, actual);
                return;
            }
            if (!Files.isRegularFile(golden)) {
                fail("no golden template " + SynthesizedApp.PROJECT.relativize(golden)
                        + "; review the stack and create it with: mvn -B -ntp test -Dgolden.update=true");
            }
            List<String> differences = JsonTreeDiff.diff(GoldenTemplates.read(golden), actual);
            if (!differences.isEmpty()) {
                fail(stack.getStackName() + " differs from " + SynthesizedApp.PROJECT.relativize(golden) + " in "
                        + differences.size() + " place(s):\n  "
                        + differences.stream().limit(60).collect(Collectors.joining("\n  "))
                        + (differences.size() > 60 ? "\n  ..." : "")
                        + "\nIf the change is intended, review it and rewrite the goldens: mvn -B -ntp test -Dgolden.update=true");
            }
        }));
    }

    @Test
    void everyGoldenTemplateBelongsToAStack() throws IOException {
        Set<String> expected = new TreeSet<>();
        stacks().forEach(s -> expected.add(SynthesizedApp.PROJECT.relativize(
                GoldenTemplates.file(environmentOf(s), s.getStackName())).toString()));
        Set<String> present = new TreeSet<>();
        if (Files.isDirectory(GoldenTemplates.DIRECTORY)) {
            try (Stream<Path> files = Files.walk(GoldenTemplates.DIRECTORY)) {
                files.filter(Files::isRegularFile).forEach(f -> present.add(SynthesizedApp.PROJECT.relativize(f).toString()));
            }
        }
        if (GoldenTemplates.updating()) {
            present.removeAll(expected);
            for (String stale : present) {
                Files.delete(SynthesizedApp.PROJECT.resolve(stale));
            }
            return;
        }
        assertThat(present).as("golden files without a stack (delete them, or run with -Dgolden.update=true)")
                .isEqualTo(expected);
    }

    private static List<Stack> stacks() {
        List<Stack> stacks = new ArrayList<>();
        SynthesizedApp.stages().values().forEach(stage -> {
            stacks.addAll(stage.stacks());
        });
        return stacks;
    }

    private static String environmentOf(Stack stack) {
        return software.amazon.awscdk.Stage.of(stack).getStageName();
    }
}
