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

    private static final String ORIGINAL = environment("""
            loadBalancers:
              public: {}
            services:
              web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
              orders: { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 20 } }
              admin:  { image: example/admin:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/admin/*], priority: 30 } }
            """);

    private static final Map<String, String> VARIANTS = Map.of(
            "a service removed", environment("""
                    loadBalancers:
                      public: {}
                    services:
                      web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
                      orders: { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 20 } }
                    """),
            "a service renamed", environment("""
                    loadBalancers:
                      public: {}
                    services:
                      web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
                      shop:   { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 21 } }
                      admin:  { image: example/admin:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/admin/*], priority: 30 } }
                    """),
            "a service moved to a new load balancer", environment("""
                    loadBalancers:
                      public: {}
                      backoffice: {}
                    services:
                      web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
                      orders: { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 20 } }
                      admin:  { image: example/admin:1, port: 8080, user: "1000", loadBalancer: { name: backoffice, paths: [/admin/*] } }
                    """),
            "an internal load balancer added", environment("""
                    loadBalancers:
                      public: {}
                      private: { scheme: internal, port: 8080 }
                    services:
                      web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
                      orders: { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 20 } }
                      admin:  { image: example/admin:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/admin/*], priority: 30 } }
                      ledger: { image: example/ledger:1, port: 8080, user: "1000", loadBalancer: { name: private } }
                    """),
            "the listener's port changed", environment("""
                    loadBalancers:
                      public: { port: 8000 }
                    services:
                      web:    { image: example/web:1, port: 8080, user: "1000", loadBalancer: { name: public, priority: 100 } }
                      orders: { image: example/orders:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/orders/*], priority: 20 } }
                      admin:  { image: example/admin:1, port: 8080, user: "1000", loadBalancer: { name: public, paths: [/admin/*], priority: 30 } }
                    """),
            "every service removed", environment("""
                    loadBalancers:
                      public: {}
                    """));

    private static String environment(String body) {
        return TestEnvironments.dev(body);
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
