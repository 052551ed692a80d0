package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsplatform.testkit.Fixtures;
import dev.ecsplatform.testkit.TestEnvironments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader builds from valid files: merging, defaults by tier, names, and the effective-config round trip. */
class EnvironmentLoaderTest {

    /**
     * The team's own files, read the way the app reads them (tests run in the project directory). Only
     * properties that must hold for any valid environment (the effective config loads back) are tested on
     * them: the team edits these files, and a test of their values would break with every edit.
     */
    private static final Path SHIPPED = Path.of("environments");

    /** The tests' own environments (src/test/resources/fixtures/environments), for tests of particular values. */
    private static final Path FIXTURES = Fixtures.DIRECTORY;

    @Nested
    class FixtureEnvironments {

        @Test
        void loadsDevTestAndProdSortedByName() {
            // WHEN
            List<EnvironmentConfig> environments = EnvironmentLoader.loadAll(FIXTURES);

            // THEN base.yaml is not among them
            assertThat(environments).extracting(EnvironmentConfig::name).containsExactly("alarms", "byoid", "byoidprod", "cheap", "codedeploy", "dev", "edge", "internal", "natinst", "prod", "scaling", "shared", "shift", "shiftprod");
        }

        @Test
        void devTakesOwnerAndLoadBalancerFromBaseAndTheServiceFromDev() {
            EnvironmentConfig dev = EnvironmentLoader.load(FIXTURES, "dev");

            assertThat(dev.tier()).isEqualTo(Tier.DEV);
            assertThat(dev.owner()).isEqualTo("fixture-team");
            assertThat(dev.loadBalancers()).containsOnlyKeys("public");
            ServiceConfig web = dev.services().get("web");
            assertThat(web.image()).isEqualTo("public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine");
            assertThat(web.user()).isEqualTo("101");
            assertThat(web.traffic().alb().orElseThrow().loadBalancer()).isEqualTo("public");
            assertThat(fargate(web).capacity()).containsExactly(new CapacityConfig(CapacityProvider.FARGATE_SPOT, 1, 0));
            assertThat(web.scaling()).isEqualTo(ScalingConfig.cpuOnly(1, 2, 70));
            assertThat(dev.logs().retentionDays()).isEqualTo(14);
            assertThat(dev.network()).isEqualTo(new NetworkConfig("10.10.0.0/16", 2, 20, new NatGatewaysConfig(1), List.of(), false, 14, Optional.empty()));
        }

        @Test
        void aSecondServiceOnThePublicLoadBalancerNeedsOnlyItsOwnPriority(@TempDir Path directory) throws Exception {
            // GIVEN the fixture base and dev files, and the README's "Add a service" example appended to base.yaml
            for (String file : List.of(EnvironmentLoader.BASE_FILE, "dev.yaml")) {
                Files.copy(FIXTURES.resolve(file), directory.resolve(file));
            }
            Files.writeString(directory.resolve(EnvironmentLoader.BASE_FILE), """
                    services:
                      orders:
                        image: public.ecr.aws/docker/library/httpd:2.4
                        port: 8080
                        user: "1000"
                        traffic:
                          alb:
                            loadBalancer: public
                            paths: ["/orders/*"]
                            priority: 20
                            healthCheck:
                              path: /health
                    """, StandardOpenOption.APPEND);

            // WHEN / THEN the environment loads: web's priority is written out, as base.yaml's is
            assertThat(EnvironmentLoader.loadAll(directory)).allSatisfy(environment -> {
                assertThat(environment.services().get("web").traffic().alb().orElseThrow().priority()).isEqualTo(100);
                assertThat(environment.services().get("orders").traffic().alb().orElseThrow().priority()).isEqualTo(20);
            });
        }

        @Test
        void prodGetsTheProductionDefaultsItDoesNotSpellOut() {
            EnvironmentConfig prod = EnvironmentLoader.load(FIXTURES, "prod");

            assertThat(prod.network().egress()).isEqualTo(new NatGatewaysConfig(3));
            assertThat(prod.logs().retentionDays()).isEqualTo(365);
            assertThat(prod.loadBalancers().get("public").deletionProtection()).isTrue();
            assertThat(prod.cluster().containerInsights()).isEqualTo(ContainerInsights.ENHANCED);
            ServiceConfig web = prod.services().get("web");
            assertThat(fargate(web).cpu()).isEqualTo(512);
            assertThat(fargate(web).memory()).isEqualTo(1024);
            assertThat(fargate(web).capacity()).containsExactly(new CapacityConfig(CapacityProvider.FARGATE, 1, 0));
            assertThat(((RollingDeploymentConfig) web.deployment()).minHealthyPercent()).isEqualTo(100);
        }
    }

    @Nested
    class DeepMerge {

        @TempDir
        Path directory;

        @Test
        void mergesMapsKeyByKeyReplacesListsAndLetsTheEnvironmentOverrideScalars() {
            // GIVEN
            ConfigTestFiles files = new ConfigTestFiles(directory).base("""
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    loadBalancers:
                      public: { allowFrom: [0.0.0.0/0] }
                    services:
                      web:
                        image: nginx:1
                        port: 8080
                        environment:
                          KEEP: base
                          CHANGE: base
                        traffic:
                          alb:
                            loadBalancer: public
                            paths: [/a, /b]
                        user: "1000"
                    """).environment("dev", """
                    tier: dev
                    region: us-east-2
                    services:
                      web:
                        image: nginx:2
                        environment:
                          CHANGE: dev
                          ADD: dev
                        traffic:
                          alb:
                            paths: [/c]
                        user: "1000"
                    """);

            // WHEN
            EnvironmentConfig dev = files.load("dev");

            // THEN
            assertThat(dev.region()).isEqualTo("us-east-2");
            assertThat(dev.account()).isEqualTo("123456789012");
            ServiceConfig web = dev.services().get("web");
            assertThat(web.image()).isEqualTo("nginx:2");
            assertThat(web.port()).contains(8080);
            assertThat(web.environment()).isEqualTo(Map.of("KEEP", "base", "CHANGE", "dev", "ADD", "dev"));
            assertThat(web.traffic().alb().orElseThrow().loadBalancer()).isEqualTo("public");
            assertThat(web.traffic().alb().orElseThrow().paths()).containsExactly("/c");
        }

        @Test
        void anEmptyListInTheEnvironmentRemovesTheBaseItems() {
            ConfigTestFiles files = new ConfigTestFiles(directory).base("""
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    loadBalancers:
                      public: { allowFrom: [0.0.0.0/0] }
                    services:
                      web:
                        image: nginx
                        port: 8080
                        traffic: { alb: { loadBalancer: public } }
                        writablePaths: [/tmp, /var/cache/nginx]
                        user: "1000"
                    """).environment("dev", """
                    tier: dev
                    services:
                      web:
                        writablePaths: []
                        user: "1000"
                    """);

            assertThat(files.load("dev").services().get("web").writablePaths()).isEmpty();
        }

        @Test
        void anEmptyKeyInTheEnvironmentKeepsTheBaseValueInsteadOfDroppingIt() {
            // GIVEN base.yaml sets a non-root user and a task count, and dev.yaml writes those keys with no value
            ConfigTestFiles files = new ConfigTestFiles(directory).base("""
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    loadBalancers:
                      public: { allowFrom: [0.0.0.0/0] }
                    services:
                      web:
                        image: nginx
                        port: 8080
                        user: "101"
                        traffic:
                          alb:
                            loadBalancer: public
                            healthCheck:
                              path: /health
                        scaling:
                          minTasks: 3
                    """).environment("dev", """
                    tier: dev
                    services:
                      web:
                        user:
                        scaling:
                        traffic:
                          alb:
                            healthCheck:
                              path: ~
                    """);

            // WHEN
            ServiceConfig web = files.load("dev").services().get("web");

            // THEN every base value is kept: an empty key never weakens a setting
            assertThat(web.user()).isEqualTo("101");
            assertThat(web.scaling().minTasks()).isEqualTo(3);
            assertThat(web.traffic().alb().orElseThrow().healthCheck().path()).isEqualTo("/health");
        }

        @Test
        void takesTheEnvironmentNameFromTheFileName() {
            ConfigTestFiles files = new ConfigTestFiles(directory).environment("staging-2", """
                    tier: test
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    """);

            assertThat(files.loadAll()).extracting(EnvironmentConfig::name).containsExactly("staging-2");
        }

        @Test
        void doesNotTreatTheBaseFileAsAnEnvironment() {
            // GIVEN a base file that would be a complete environment on its own
            ConfigTestFiles files = new ConfigTestFiles(directory).base("""
                    tier: dev
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    """).environment("dev", "tier: dev\n");

            // THEN it is neither listed nor loadable by name
            assertThat(EnvironmentLoader.environmentNames(directory)).containsExactly("dev");
            assertThat(files.loadAll()).extracting(EnvironmentConfig::name).containsExactly("dev");
            assertThatThrownBy(() -> files.load("base")).isInstanceOfSatisfying(ConfigException.class, e ->
                    assertThat(files.lines(e)).containsExactly("base.yaml:1:1 no such environment; environments here: dev"));
        }

        @Test
        void rejectsLoadingAnEnvironmentThatHasNoFile() {
            ConfigTestFiles files = new ConfigTestFiles(directory).environment("dev", """
                    tier: dev
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    """);

            assertThatThrownBy(() -> files.load("prod")).isInstanceOfSatisfying(ConfigException.class, e ->
                    assertThat(files.lines(e)).containsExactly("prod.yaml:1:1 no such environment; environments here: dev"));
        }
    }

    @Nested
    class TierDefaults {

        @TempDir
        Path directory;

        private EnvironmentConfig loadWithOneService(String tier) {
            return new ConfigTestFiles(directory).environment(tier, TestEnvironments.minimal(tier)).load(tier);
        }

        @Test
        void prodSpreadsOverThreeZonesWithANatGatewayEachKeepsLogsAYearAndRunsTwoTasks() {
            EnvironmentConfig prod = loadWithOneService("prod");

            assertThat(prod.network()).isEqualTo(new NetworkConfig("10.0.0.0/16", 3, 20, new NatGatewaysConfig(3), List.of(), false, 365, Optional.empty()));
            assertThat(prod.logs().retentionDays()).isEqualTo(365);
            assertThat(prod.loadBalancers().get("public").deletionProtection()).isTrue();
            assertThat(prod.loadBalancers().get("public").accessLogRetentionDays()).isEqualTo(365);
            assertThat(prod.services().get("web").scaling()).isEqualTo(ScalingConfig.cpuOnly(2, 8, 70));
        }

        @Test
        void devUsesTwoZonesOneNatGatewayThirtyDaysOfLogsAndOneTask() {
            EnvironmentConfig dev = loadWithOneService("dev");

            assertThat(dev.network()).isEqualTo(new NetworkConfig("10.0.0.0/16", 2, 20, new NatGatewaysConfig(1), List.of(), false, 30, Optional.empty()));
            assertThat(dev.logs().retentionDays()).isEqualTo(30);
            assertThat(dev.loadBalancers().get("public").deletionProtection()).isFalse();
            assertThat(dev.loadBalancers().get("public").accessLogRetentionDays()).isEqualTo(90);
            assertThat(dev.services().get("web").scaling()).isEqualTo(ScalingConfig.cpuOnly(1, 4, 70));
        }

        @Test
        void fillsInEveryServiceDefault() {
            ServiceConfig web = loadWithOneService("dev").services().get("web");

            assertThat(web.allowUnpinnedImage()).isFalse();
            assertThat(web.family()).isEqualTo("dev-web");
            assertThat(web.containerName()).isEqualTo("web");
            assertThat(fargate(web).cpu()).isEqualTo(256);
            assertThat(fargate(web).memory()).isEqualTo(512);
            assertThat(web.user()).isEqualTo("1000");
            assertThat(web.readonlyRootFilesystem()).isTrue();
            assertThat(web.writablePaths()).containsExactly("/tmp");
            assertThat(web.secrets()).isEmpty();
            assertThat(web.taskRole()).isEqualTo(TaskRoleConfig.none());
            assertThat(web.traffic()).isEqualTo(new TrafficConfig(Optional.of(new AlbRouteConfig("public", List.of("/*"),
                    List.of(), 100, 30, 0, Optional.empty(), new TargetHealthCheckConfig("/", "200-399", 10, 5, 2, 2))), Optional.empty(), Optional.empty()));
            assertThat(web.healthCheck()).isEqualTo(new HealthCheckConfig(HealthCheckConfig.httpCheck(8080, "/"), 60));
            assertThat(web.compute()).isEqualTo(new FargateConfig(256, 512, List.of(new CapacityConfig(CapacityProvider.FARGATE, 1, 0))));
            assertThat(web.deployment()).isEqualTo(new RollingDeploymentConfig(100, 200));
        }
    }

    @Nested
    class EffectiveConfiguration {

        @TempDir
        Path directory;

        @Test
        void printsTheDefaultsTheFilesLeaveOut() {
            String yaml = EffectiveConfig.toYaml(EnvironmentLoader.load(FIXTURES, "dev"));

            assertThat(yaml).startsWith("# effective configuration of environment 'dev'\n")
                    .contains("tier: dev\n", "account: '" + Fixtures.ACCOUNT + "'\n", "natGateways:\n      count: 1\n", "containerInsights: enabled\n",
                            "deletionProtection: false\n", "minHealthyPercent: 100\n", "deregistrationDelaySeconds: 30\n",
                            "image: public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine\n")
                    .doesNotContain("name: dev");
        }

        @Test
        void loadsBackToTheSameConfigurationWhenWrittenAsAnEnvironmentFile() {
            // GIVEN the effective configuration of every shipped environment, written as a file of its own with no base
            for (EnvironmentConfig shipped : EnvironmentLoader.loadAll(SHIPPED)) {
                ConfigTestFiles files = new ConfigTestFiles(directory)
                        .environment(shipped.name(), EffectiveConfig.toYaml(shipped));

                // WHEN it is loaded
                EnvironmentConfig reloaded = files.load(shipped.name());

                // THEN nothing was lost or changed on the way
                assertThat(reloaded).as(shipped.name()).isEqualTo(shipped);
            }
        }

        @Test
        void printsNoYamlAnchorsAndLoadsBackForEveryShippedEnvironment() {
            for (EnvironmentConfig shipped : EnvironmentLoader.loadAll(SHIPPED)) {
                String yaml = EffectiveConfig.toYaml(shipped);

                // THEN a value that appears twice is written out twice, never as &id001 / *id001
                assertThat(yaml).as(shipped.name()).doesNotContain("&id").doesNotContain("*id");
                assertThat(new ConfigTestFiles(directory).environment(shipped.name(), yaml).load(shipped.name()))
                        .as(shipped.name()).isEqualTo(shipped);
            }
        }

        @Test
        void printsSecretsAndTheTaskRoleAsTheyAreWrittenAndLoadsThemBack() {
            EnvironmentConfig dev = new ConfigTestFiles(directory).environment("dev", TestEnvironments.minimal("dev") + """
                        secrets:
                          DB_PASSWORD: { secretsManager: prod/orders/db, key: password }
                          API_TOKEN: { ssmParameter: /orders/api-token }
                        taskRole:
                          statements:
                            - actions: [s3:GetObject]
                              resources: ["arn:aws:s3:::orders-uploads/*"]
                              reason: Uploads are keyed by order ID under one bucket
                    """).load("dev");

            String yaml = EffectiveConfig.toYaml(dev);

            assertThat(yaml).contains("""
                        secrets:
                          API_TOKEN:
                            ssmParameter: /orders/api-token
                          DB_PASSWORD:
                            secretsManager: prod/orders/db
                            key: password
                        taskRole:
                          statements:
                          - actions:
                            - s3:GetObject
                            resources:
                            - arn:aws:s3:::orders-uploads/*
                            reason: Uploads are keyed by order ID under one bucket
                          managedPolicies: []
                    """).contains("family: dev-web\n", "containerName: web\n").doesNotContain("source:", "reference:", "jsonKey:");
            assertThat(new ConfigTestFiles(directory).environment("dev", yaml).load("dev")).isEqualTo(dev);
        }

        @Test
        void printsAValueSharedByTwoFieldsWithoutAnAnchor() {
            // GIVEN two services that share one compute object in memory (the binder builds each default anew, so
            // the sharing is made here: records hold immutable values, and any two fields may share one)
            EnvironmentConfig loaded = new ConfigTestFiles(directory).environment("dev", """
                    tier: dev
                    account: "123456789012"
                    region: eu-west-1
                    owner: platform-team
                    loadBalancers:
                      public: { allowFrom: [0.0.0.0/0] }
                    services:
                      web:
                        image: nginx
                        port: 8080
                        user: "1000"
                        traffic: { alb: { loadBalancer: public, priority: 20 } }
                      api:
                        image: api
                        port: 8080
                        user: "1000"
                        traffic: { alb: { loadBalancer: public, priority: 10, paths: [/api/*] } }
                    """).load("dev");
            ServiceConfig web = loaded.services().get("web");
            ServiceConfig api = loaded.services().get("api");
            ServiceConfig apiSharingWebsCompute = with(api, "compute", web.compute());
            EnvironmentConfig dev = new EnvironmentConfig(loaded.name(), loaded.tier(), loaded.account(), loaded.region(),
                    loaded.owner(), loaded.logs(), loaded.network(), loaded.cluster(), loaded.loadBalancers(), loaded.alarms(),
                    Map.of("web", web, "api", apiSharingWebsCompute));
            assertThat(dev.services().get("api").compute()).isSameAs(dev.services().get("web").compute());

            String yaml = EffectiveConfig.toYaml(dev);

            assertThat(yaml).doesNotContain("&id").doesNotContain("*id");
            assertThat(yaml.split("provider: fargate\n", -1)).hasSize(3);
        }
    }

    /** The service's compute, which these environments all leave on Fargate. */
    private static FargateConfig fargate(ServiceConfig service) {
        return (FargateConfig) service.compute();
    }

    /** A copy of {@code record} with one component replaced, so the test does not list every field of the record. */
    private static <R extends Record> R with(R record, String component, Object value) {
        try {
            var components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(record);
            }
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass().getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(java.lang.reflect.RecordComponent::getType).toArray(Class[]::new)).newInstance(values);
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
