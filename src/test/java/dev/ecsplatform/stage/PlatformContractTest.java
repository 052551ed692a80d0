package dev.ecsplatform.stage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsplatform.testkit.GoldenTemplates;
import dev.ecsplatform.testkit.TestEnvironments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The platform contract never deadlocks a deployment: CloudFormation refuses a platform update that
 * removes an export a deployed service stack still imports, so the exports must not depend on which
 * services exist or which load balancer they use.
 *
 * <p>GIVEN an environment with three services on one load balancer, WHEN a team makes the edits teams
 * make (a service removed, renamed, moved to a new load balancer, an internal load balancer added, the
 * listener's port changed, every service removed), THEN no export of the original platform is gone, and every {@code Fn::ImportValue}
 * of every stack names an export of the same synth.
 */
class PlatformContractTest {

    private static final String BASE = "owner: contract-team\n";

    /** One line per service, as the environment file writes it under services:. */
    private static final String WEB = service("web", "loadBalancer: public, priority: 100");
    private static final String ORDERS = service("orders", "loadBalancer: public, paths: [/orders/*], priority: 20");
    private static final String ADMIN = service("admin", "loadBalancer: public, paths: [/admin/*], priority: 30");
    private static final String PUBLIC = "public: { allowFrom: [0.0.0.0/0] }";

    private static final String ORIGINAL = environment(List.of(PUBLIC), WEB, ORDERS, ADMIN);

    private static final Map<String, String> VARIANTS = Map.of(
            "a service removed", environment(List.of(PUBLIC), WEB, ORDERS),
            "a service renamed", environment(List.of(PUBLIC),
                    WEB, service("shop", "loadBalancer: public, paths: [/orders/*], priority: 21"), ADMIN),
            "a service moved to a new load balancer", environment(List.of(PUBLIC, "backoffice: { allowFrom: [0.0.0.0/0] }"),
                    WEB, ORDERS, service("admin", "loadBalancer: backoffice, paths: [/admin/*]")),
            "an internal load balancer added", environment(List.of(PUBLIC, "private: { scheme: internal, httpPort: 8080 }"),
                    WEB, ORDERS, ADMIN, service("ledger", "loadBalancer: private")),
            "the listener's port changed", environment(List.of("public: { httpPort: 8000, allowFrom: [0.0.0.0/0] }"), WEB, ORDERS, ADMIN),
            "every service removed", environment(List.of(PUBLIC)),
            "HTTPS added to the load balancer", environment(List.of("public: { allowFrom: [0.0.0.0/0], certificates: "
                    + "[\"arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555\"] }"),
                    WEB, ORDERS, ADMIN),
            "a service moved to a network load balancer", environment(List.of(PUBLIC, "edge: { type: network, allowFrom: [0.0.0.0/0] }"),
                    WEB, ORDERS, "admin: { image: example/admin:1, port: 8080, user: \"1000\", traffic: { nlb: { loadBalancer: edge, "
                            + "port: 443 } } }"));

    private static String service(String name, String route) {
        return name + ": { image: example/" + name + ":1, port: 8080, user: \"1000\", traffic: { alb: { " + route + " } } }";
    }

    /** A dev environment with these load balancers and services, each written on one line. */
    private static String environment(List<String> loadBalancers, String... services) {
        StringBuilder yaml = new StringBuilder("loadBalancers:\n");
        loadBalancers.forEach(lb -> yaml.append("  ").append(lb).append('\n'));
        if (services.length > 0) {
            yaml.append("services:\n");
            for (String service : services) {
                yaml.append("  ").append(service).append('\n');
            }
        }
        return TestEnvironments.dev(yaml.toString());
    }

    @TestFactory
    Stream<DynamicTest> noEditToTheServicesRemovesAnExportOfTheOriginalPlatform() {
        Set<String> original = exports(platformOf(ORIGINAL));
        assertThat(original).as("the original platform's exports").contains(
                "dev-platform:VpcId", "dev-platform:ClusterName", "dev-platform:LoadBalancer-public:Listener-HTTP:Arn");
        return VARIANTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(variant -> DynamicTest.dynamicTest(variant.getKey(), () ->
                assertThat(exports(platformOf(variant.getValue())))
                        .as("exports of the platform after '%s'", variant.getKey())
                        .containsAll(original)));
    }

    @TestFactory
    Stream<DynamicTest> everyImportNamesAnExportOfTheSameSynth() {
        Map<String, String> all = new java.util.TreeMap<>(VARIANTS);
        all.put("the original", ORIGINAL);
        return all.entrySet().stream().map(variant -> DynamicTest.dynamicTest(variant.getKey(), () -> {
            EnvironmentStage stage = stage(variant.getValue());
            Set<String> exported = exports(Template.fromStack(stage.platform()));
            for (Stack service : stage.services().values()) {
                Set<String> imported = new TreeSet<>();
                walk(json(Template.fromStack(service)), "Fn::ImportValue", value -> imported.add(value.asText()));
                assertThat(imported).as("imports of %s", service.getStackName()).isNotEmpty();
                assertThat(exported).as("exports of the platform, for the imports of %s", service.getStackName()).containsAll(imported);
            }
        }));
    }

    @Test
    void noStackGetsAnAutomaticExportOrAWeakReference() {
        EnvironmentStage stage = stage(ORIGINAL);
        List<Stack> stacks = stage.stacks();
        for (Stack stack : stacks) {
            JsonNode template = json(Template.fromStack(stack));
            template.path("Outputs").fieldNames().forEachRemaining(name ->
                    assertThat(name).as("output of %s", stack.getStackName()).doesNotStartWith("ExportsOutput"));
            List<JsonNode> weak = new ArrayList<>();
            walk(template, "Fn::GetStackOutput", weak::add);
            assertThat(weak).as("weak references in %s", stack.getStackName()).isEmpty();
        }
    }

    @Test
    void exportNamesComeFromTheStackNameAndAreValidForCloudFormation() {
        exports(platformOf(ORIGINAL)).forEach(name -> assertThat(name)
                .startsWith("dev-platform:")
                // CloudFormation: export names are letters, digits, colons and hyphens, at most 255 characters.
                .matches("[A-Za-z0-9:-]{1,255}"));
    }

    private static EnvironmentStage stage(String environment) {
        return TestEnvironments.stage("dev", BASE, environment);
    }

    private static Template platformOf(String environment) {
        return Template.fromStack(stage(environment).platform());
    }

    private static Set<String> exports(Template platform) {
        Set<String> names = new TreeSet<>();
        json(platform).path("Outputs").forEach(output -> {
            if (output.has("Export")) {
                names.add(output.path("Export").path("Name").asText());
            }
        });
        return names;
    }

    private static JsonNode json(Template template) {
        return GoldenTemplates.JSON.valueToTree(template.toJSON());
    }

    private static void walk(JsonNode node, String key, Consumer<JsonNode> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals(key)) {
                    found.accept(entry.getValue());
                }
                walk(entry.getValue(), key, found);
            });
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, key, found));
        }
    }
}
