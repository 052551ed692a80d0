package dev.ecsplatform.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.testkit.SynthesizedApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/**
 * Pins the logical IDs of stateful and replacement-sensitive resources. A renamed construct gives a
 * resource a new logical ID, and CloudFormation then creates the new resource and deletes the old
 * one: a new VPC, an emptied log group, a load balancer with a new DNS name. Such a refactor must fail
 * here first.
 *
 * <p>Accepting reviewed template changes ({@code mvn -B -ntp test -Dgolden.update=true}) also pins the IDs of
 * resources that are new (a service was added), and never anything else: an ID that disappeared means a
 * replacement, and re-pinning it takes its own flag, on purpose:
 * {@code mvn -B -ntp test -Dtest=LogicalIdPinTest -Dlogical-ids.update=true}.
 */
class LogicalIdPinTest {

    private static final Path PINNED = SynthesizedApp.PROJECT.resolve("src/test/resources/logical-ids.txt");

    /**
     * Resource types whose replacement loses data, changes an address others depend on, or drops traffic. A
     * listener rule is here because a rule with a new logical ID is created before the old one is deleted,
     * and the two collide on their priority (ADR 0007). The alarm topic's ARN is part of the platform contract, and
     * alarms and dashboards carry literal names: one with a new logical ID is created before the old one is deleted,
     * under the name the old one still holds, and the update fails.
     */
    static final Set<String> LONG_LIVED = Set.of(
            "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::NatGateway", "AWS::EC2::EIP", "AWS::EC2::SecurityGroup",
            "AWS::Logs::LogGroup", "AWS::S3::Bucket", "AWS::KMS::Key",
            "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ECS::Cluster", "AWS::ECS::Service",
            "AWS::CodeDeploy::DeploymentGroup", "AWS::SNS::Topic", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::Dashboard");

    @Test
    void longLivedResourcesKeepTheirLogicalIds() throws IOException {
        List<String> current = currentIds();
        if (Boolean.getBoolean("logical-ids.update")) {
            write(current);
            return;
        }
        List<String> pinned = Files.readAllLines(PINNED).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        if (Boolean.getBoolean("golden.update")) {
            // Additions only: new resources get pinned with the reviewed goldens; vanished ones stay and fail below.
            java.util.TreeSet<String> union = new java.util.TreeSet<>(pinned);
            union.addAll(current);
            write(List.copyOf(union));
            pinned = List.copyOf(union);
        }
        List<String> gone = new ArrayList<>(pinned);
        gone.removeAll(current);
        List<String> added = new ArrayList<>(current);
        added.removeAll(pinned);
        assertThat(gone)
                .as("long-lived resources whose logical ID disappeared (CloudFormation would REPLACE or DELETE them); new IDs: %s. "
                        + "If this is deliberate (a resource renamed on purpose, a service removed), re-pin with "
                        + "mvn -B -ntp test -Dtest=LogicalIdPinTest -Dlogical-ids.update=true", added)
                .isEmpty();
        assertThat(added).as("new long-lived resources; review them and accept with mvn -B -ntp test -Dgolden.update=true").isEmpty();
    }

    private static void write(List<String> ids) throws IOException {
        Files.writeString(PINNED, "# <stack> <resource type> <logical id>: reviewed; see LogicalIdPinTest\n"
                + String.join("\n", ids) + "\n");
    }

    @Test
    void pinsCoverEveryEnvironment() throws IOException {
        String pinned = Files.readString(PINNED);
        SynthesizedApp.stages().keySet().forEach(env -> assertThat(pinned).contains(env + "-platform AWS::EC2::VPC "));
    }

    @SuppressWarnings("unchecked")
    private static List<String> currentIds() {
        List<String> ids = new ArrayList<>();
        SynthesizedApp.stages().values().forEach(stage -> {
            List<Stack> stacks = new ArrayList<>();
            stacks.addAll(stage.stacks());
            for (Stack stack : stacks) {
                var resources = (java.util.Map<String, java.util.Map<String, Object>>)
                        SynthesizedApp.template(stack).toJSON().get("Resources");
                resources.forEach((logicalId, resource) -> {
                    if (LONG_LIVED.contains((String) resource.get("Type"))) {
                        ids.add(stack.getStackName() + " " + resource.get("Type") + " " + logicalId);
                    }
                });
            }
        });
        ids.sort(String::compareTo);
        return ids;
    }
}
