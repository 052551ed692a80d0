package dev.ecsplatform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.SynthesizedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * Keeps the acknowledged rule findings reviewed: every acknowledgment in the app must be listed,
 * with its construct path and reason, in {@code src/test/resources/compliance/acknowledgments.txt},
 * and every listed one must still exist. A new acknowledgment therefore shows up in review as a
 * change to that file. There is deliberately no flag that rewrites it.
 *
 * <p>Paths are listed by shape, not by name: the environment, the service and the load balancer
 * become {@code {env}}, {@code {service}} and {@code {lb}}, and numbered subnets {@code {n}}. An
 * acknowledgment is written by a construct for every service it builds, so a team that adds a service
 * or an environment of a shape already reviewed changes nothing here; a new kind of acknowledgment does.
 */
class AcknowledgmentReviewTest {

    private static final Path REVIEWED = SynthesizedApp.PROJECT.resolve("src/test/resources/compliance/acknowledgments.txt");

    @Test
    void everyAcknowledgmentIsInTheReviewedList() throws IOException {
        List<String> actual = acknowledgments();
        List<String> reviewed = Files.readAllLines(REVIEWED).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> unreviewed = new ArrayList<>(actual);
        unreviewed.removeAll(reviewed);
        List<String> stale = new ArrayList<>(reviewed);
        stale.removeAll(actual);
        assertThat(unreviewed).as("acknowledgments missing from %s; review them and add these lines:\n%s",
                SynthesizedApp.PROJECT.relativize(REVIEWED), String.join("\n", unreviewed)).isEmpty();
        assertThat(stale).as("listed acknowledgments that no longer exist; remove them from %s",
                SynthesizedApp.PROJECT.relativize(REVIEWED)).isEmpty();
    }

    @Test
    void everyReasonNamesACompensatingControl() {
        assertThat(acknowledgments()).allSatisfy(line ->
                assertThat(line.substring(line.indexOf(" | ", line.indexOf(" | ") + 3) + 3))
                        .hasSizeGreaterThanOrEqualTo(Acknowledgments.MIN_REASON_LENGTH));
    }

    @Test
    void noAcknowledgmentCoversAWholeStackOrStage() {
        List<String> broad = new ArrayList<>();
        SynthesizedApp.stages().values().forEach(stage -> walk(stage, (construct, id, reason) -> {
            if (construct instanceof Stack || construct instanceof Stage) {
                broad.add(construct.getNode().getPath() + " " + id);
            }
        }));
        assertThat(broad).as("acknowledgments must sit on the narrowest construct").isEmpty();
    }

    /** Lines of the form {@code path shape | rule | reason}, distinct and sorted. */
    static List<String> acknowledgments() {
        java.util.TreeSet<String> lines = new java.util.TreeSet<>();
        SynthesizedApp.stages().values().forEach(stage -> walk(stage, (construct, id, reason) -> {
            // A reason written in an environment file is reviewed there, with the YAML change.
            if (!reason.startsWith(Acknowledgments.FROM_CONFIG)) {
                lines.add(shape(construct.getNode().getPath()) + " | " + id + " | " + reason);
            }
        }));
        return List.copyOf(lines);
    }

    /** {@code prod/service-web/Task/TaskDefinition} becomes {@code {env}/service-{service}/Task/TaskDefinition}. */
    static String shape(String path) {
        return path.replaceFirst("^[^/]+/", "{env}/")
                .replaceFirst("^\\{env}/service-[^/]+", "{env}/service-{service}")
                .replaceAll("/LoadBalancer-[^/]+", "/LoadBalancer-{lb}")
                .replaceAll("Subnet\\d+/", "Subnet{n}/");
    }

    interface Visitor {
        void visit(IConstruct construct, String ruleId, String reason);
    }

    static void walk(IConstruct construct, Visitor visitor) {
        for (MetadataEntry entry : construct.getNode().getMetadata()) {
            if (Validations.ACKNOWLEDGED_RULES_METADATA_KEY.equals(entry.getType())) {
                ((Map<?, ?>) entry.getData()).forEach((id, reason) -> visitor.visit(construct,
                        String.valueOf(id).replaceFirst("(?i)^annotation::", ""), String.valueOf(reason)));
            }
        }
        construct.getNode().getChildren().forEach(child -> walk(child, visitor));
    }
}
