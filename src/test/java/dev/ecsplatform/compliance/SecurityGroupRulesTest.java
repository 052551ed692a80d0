package dev.ecsplatform.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsplatform.stage.EnvironmentStage;
import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.GoldenTemplates;
import dev.ecsplatform.testkit.SynthesizedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * Every inbound security-group rule of the team's environments and of every fixture says what it is for, and
 * none opens SSH (22) or RDP (3389): tasks are reached through their load balancer or Service Connect, and
 * operators through ECS Exec, never by a port on the instance (issue 8; cdk-nag EC23 sees only 0.0.0.0/0).
 */
class SecurityGroupRulesTest {

    @Test
    void everyIngressRuleHasADescriptionAndNoneOpensSshOrRdp() {
        List<String> problems = new ArrayList<>();
        int[] rules = {0};
        forEachIngressRule((where, rule) -> {
            rules[0]++;
            if (rule.path("Description").asText("").isBlank()) {
                problems.add(where + ": no description");
            }
            // A NAT instance forwards every protocol and port its private subnets send to the internet, so its group
            // must admit them all, from those subnets' ranges only (Network, natInstance egress); it runs no SSH
            // server and has no key pair. Every other group is held to the rule.
            if (where.contains("NatSecurityGroup") && rule.path("CidrIp").asText("").startsWith("10.")) {
                return;
            }
            String protocol = rule.path("IpProtocol").asText();
            int from = rule.path("FromPort").asInt(-1);
            int to = rule.path("ToPort").asInt(-1);
            for (int port : new int[] {22, 3389}) {
                if (protocol.equals("-1") || (from <= port && port <= to)) {
                    problems.add(where + ": opens port " + port + " (" + protocol + " " + from + "-" + to + ")");
                }
            }
        });
        assertThat(rules[0]).as("ingress rules checked").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    private static void forEachIngressRule(BiConsumer<String, JsonNode> visitor) {
        visit(SynthesizedApp.stages().values(), SynthesizedApp::template, visitor);
        visit(Fixtures.stages().values(), Fixtures::template, visitor);
    }

    private static void visit(Iterable<EnvironmentStage> stages, Function<Stack, Template> templates, BiConsumer<String, JsonNode> visitor) {
        for (EnvironmentStage stage : stages) {
            for (Stack stack : stage.stacks()) {
                JsonNode resources = GoldenTemplates.JSON.valueToTree(templates.apply(stack).toJSON()).path("Resources");
                resources.fields().forEachRemaining(resource -> {
                    String type = resource.getValue().path("Type").asText();
                    JsonNode properties = resource.getValue().path("Properties");
                    String where = stack.getStackName() + " " + resource.getKey();
                    if (type.equals("AWS::EC2::SecurityGroup")) {
                        properties.path("SecurityGroupIngress").forEach(rule -> visitor.accept(where, rule));
                    } else if (type.equals("AWS::EC2::SecurityGroupIngress")) {
                        visitor.accept(where, properties);
                    }
                });
            }
        }
    }
}
