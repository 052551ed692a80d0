package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsplatform.config.ConfigNode.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic binder on records made for the test, so that what the product's model has only one of yet (a
 * second kind of compute or deployment) is proven now: exactly one variant, named in every message.
 */
class RecordBinderTest {

    /** Two kinds of a choice, as deployment will have once blue/green arrives. */
    sealed interface Strategy permits Steady, Shift {
    }

    @VariantName("steady")
    @Doc("Steady.")
    record Steady(@Range(min = 0, max = 100) @Default("50") @Doc("Percent.") int percent) implements Strategy {
    }

    @VariantName("shift")
    @Doc("Shift.")
    record Shift(@Range(min = 1, max = 60) @Default("10") @Doc("Minutes.") int bakeMinutes,
                 @Doc("A hook.") Optional<String> hook) implements Strategy {
    }

    @Doc("Holder.")
    record Holder(@Default("{steady: {}}") @Doc("The strategy.") Strategy strategy,
                  @Default(value = "1", prod = "2") @Range(min = 1, max = 9) @Doc("Count.") int count) {
    }

    @TempDir
    Path directory;

    @Test
    void bindsTheOneVariantWrittenAndDefaultsTheRest() throws IOException {
        assertThat(bind("strategy: { shift: { bakeMinutes: 5 } }").value())
                .isEqualTo(new Holder(new Shift(5, Optional.empty()), 1));
        assertThat(bind("count: 3").value()).isEqualTo(new Holder(new Steady(50), 3));
    }

    @Test
    void twoVariantsAtOnceNameBothAndTheChoices() throws IOException {
        assertThat(bind("""
                strategy:
                  steady: {}
                  shift: {}
                """).problems()).containsExactly(
                "env.yaml:3:10 strategy.shift: 'steady' and 'shift' are both set; a service has one strategy, so choose one "
                        + "of steady, shift");
    }

    @Test
    void anUnknownVariantSuggestsTheClosestAndListsTheKinds() throws IOException {
        assertThat(bind("strategy: { shfit: {} }").problems()).containsExactly(
                "env.yaml:1:13 strategy.shfit: 'shfit' is not a kind of strategy; did you mean 'shift'? write one of steady, "
                        + "shift, as a map of its settings, e.g. strategy: { steady: {} }");
    }

    @Test
    void anUnknownKeyInsideAVariantNamesTheVariantAndItsKeys() throws IOException {
        assertThat(bind("strategy: { shift: { bakeMinute: 5 } }").problems()).containsExactly(
                "env.yaml:1:22 strategy.shift.bakeMinute: unknown key; did you mean 'bakeMinutes'? keys of strategy shift: "
                        + "bakeMinutes, hook");
    }

    @Test
    void aVariantValueIsCheckedLikeAnyOther() throws IOException {
        assertThat(bind("strategy: { steady: { percent: 101 } }").problems()).containsExactly(
                "env.yaml:1:32 strategy.steady.percent: 101 is out of range; use an integer from 0 to 100");
    }

    @Test
    void anEmptyChoiceSaysWhatToWrite() throws IOException {
        assertThat(bind("strategy: {}").problems()).containsExactly(
                "env.yaml:1:11 strategy: names no kind of strategy; write one of steady, shift, e.g. strategy: { steady: {} }, "
                        + "or leave strategy out for the default");
    }

    @Test
    void aRecordWhoseFieldIsNeitherOptionalNorDefaultedNorRequiredIsAProgrammingError() throws IOException {
        record Broken(@Doc("x") String name) {
        }
        assertThatThrownBy(() -> bind(Broken.class, "{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither Optional nor @Default nor @Required");
    }

    private record Bound<T>(T value, List<String> problems) {
    }

    private Bound<Holder> bind(String yaml) throws IOException {
        return bind(Holder.class, yaml);
    }

    private <T extends Record> Bound<T> bind(Class<T> type, String yaml) throws IOException {
        Path file = directory.resolve("env.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        List<ConfigProblem> problems = new ArrayList<>();
        MapNode tree = YamlFiles.read(file, "env.yaml", problems).orElseThrow();
        T value = new RecordBinder(problems, new BoundFields(problems)).bind(type, new FieldReader(tree, "", problems),
                DefaultContext.root(Map.of("tier", Tier.DEV, "name", "env")));
        return new Bound<>(value, problems.stream().sorted().map(ConfigProblem::toString).toList());
    }
}
