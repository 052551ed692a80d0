package dev.ecsplatform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsplatform.stage.EnvironmentStage;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.GoldenTemplates;
import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Task definitions of the team's environments and of every fixture: every essential container names a
 * non-root user (CT.ECS.PR.3, ECS.20; only the non-essential init container of WritableVolumes runs as
 * root, under a reasoned exception), and the containers' hard memory limits fit the task (CT.ECS.PR.7).
 */
class ContainerHardeningTest {

    private static final Set<String> ROOT = Set.of("0", "root");

    @Test
    void everyEssentialContainerRunsAsANonRootUser() {
        List<String> problems = new ArrayList<>();
        forEachTaskDefinition((where, taskDefinition) -> taskDefinition.path("ContainerDefinitions").forEach(container -> {
            boolean essential = !container.has("Essential") || container.path("Essential").asBoolean();
            String user = container.path("User").asText("");
            if (essential && (user.isEmpty() || ROOT.contains(user.split(":")[0]))) {
                problems.add(where + " container " + container.path("Name").asText() + " runs as '" + user + "'");
            }
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    void containerHardLimitsFitTheTasksMemory() {
        List<String> problems = new ArrayList<>();
        forEachTaskDefinition((where, taskDefinition) -> {
            int sum = 0;
            for (JsonNode container : taskDefinition.path("ContainerDefinitions")) {
                if (!container.has("Memory")) {
                    problems.add(where + " container " + container.path("Name").asText() + " has no hard memory limit");
                }
                sum += container.path("Memory").asInt();
            }
            int task = Integer.parseInt(taskDefinition.path("Memory").asText());
            if (sum > task) {
                problems.add(where + ": containers reserve " + sum + " MiB of the task's " + task);
            }
        });
        assertThat(problems).isEmpty();
    }

    private interface TaskDefinitionVisitor {
        void visit(String where, JsonNode properties);
    }

    private static void forEachTaskDefinition(TaskDefinitionVisitor visitor) {
        int[] seen = {0};
        visit(SynthesizedApp.stages().values(), SynthesizedApp::template, visitor, seen);
        visit(Fixtures.stages().values(), Fixtures::template, visitor, seen);
        assertThat(seen[0]).as("task definitions checked").isGreaterThan(5);
    }

    private static void visit(Iterable<EnvironmentStage> stages, Function<Stack, Template> templates, TaskDefinitionVisitor visitor,
            int[] seen) {
        for (EnvironmentStage stage : stages) {
            for (Stack stack : stage.stacks()) {
                JsonNode resources = GoldenTemplates.JSON.valueToTree(templates.apply(stack).toJSON()).path("Resources");
                resources.fields().forEachRemaining(resource -> {
                    if (resource.getValue().path("Type").asText().equals("AWS::ECS::TaskDefinition")) {
                        seen[0]++;
                        visitor.visit(stack.getStackName() + " " + resource.getKey(), resource.getValue().path("Properties"));
                    }
                });
            }
        }
    }
}
