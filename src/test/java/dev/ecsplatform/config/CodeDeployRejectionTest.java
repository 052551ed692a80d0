package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader rejects about CodeDeploy blue/green: what one deployment group cannot shift, what the CODE_DEPLOY
 * controller does not allow, and plans the custom resource cannot wait for. Each test writes the whole environment
 * file, so line and column can be counted.
 */
class CodeDeployRejectionTest {

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    private static final String HEAD = """
            tier: dev
            cluster: { serviceConnect: true }
            loadBalancers:
              public: { allowFrom: [0.0.0.0/0] }
              edge: { type: network, scheme: internal }
            services:
              web:
                image: nginx
                port: 8080
                user: "1000"
            """;

    @Test
    void acceptsAnAlbRouteWithDefaultsCanaryTenPercentForFiveMinutes() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: {} }
                """);

        CodeDeployDeploymentConfig codeDeploy = (CodeDeployDeploymentConfig) files.load("dev").services().get("web").deployment();

        assertThat(codeDeploy.trafficShift()).isEqualTo(new CodeDeployCanaryConfig(10, 5));
        assertThat(codeDeploy.trafficShift().predefinedName()).contains("CodeDeployDefault.ECSCanary10Percent5Minutes");
        assertThat(codeDeploy.terminationWaitMinutes()).isEqualTo(5);
        assertThat(codeDeploy.totalMinutes()).isEqualTo(25);
    }

    @Test
    void namesThePredefinedPlansAndNoOthers() {
        assertThat(new CodeDeployAllAtOnceConfig().predefinedName()).contains("CodeDeployDefault.ECSAllAtOnce");
        assertThat(new CodeDeployCanaryConfig(10, 15).predefinedName()).contains("CodeDeployDefault.ECSCanary10Percent15Minutes");
        assertThat(new CodeDeployLinearConfig(10, 1).predefinedName()).contains("CodeDeployDefault.ECSLinear10PercentEvery1Minutes");
        assertThat(new CodeDeployLinearConfig(10, 3).predefinedName()).contains("CodeDeployDefault.ECSLinear10PercentEvery3Minutes");
        assertThat(new CodeDeployCanaryConfig(20, 5).predefinedName()).isEmpty();
        assertThat(new CodeDeployLinearConfig(10, 2).predefinedName()).isEmpty();
        // 10 steps of 10%: nine waits between the first and the last
        assertThat(new CodeDeployLinearConfig(10, 3).shiftMinutes()).isEqualTo(27);
        assertThat(new CodeDeployLinearConfig(30, 2).shiftMinutes()).isEqualTo(6);
    }

    @Test
    void rejectsAnAlbRouteAndAnNlbListenerTogether() {
        files.environment("dev", HEAD + """
                    traffic:
                      alb: { loadBalancer: public }
                      nlb: { loadBalancer: edge, port: 8080 }
                    deployment: { codeDeploy: {} }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:14:19 services.web.deployment.codeDeploy: needs exactly one way "
                + "in through a load balancer, and this service has both traffic.alb and traffic.nlb: a CodeDeploy deployment "
                + "group shifts one pair of target groups; keep one of them, or use deployment: { rolling: {} }");
    }

    @Test
    void rejectsAWorker() {
        files.environment("dev", HEAD + """
                    deployment: { codeDeploy: {} }
                """);

        assertThat(files.problems()).containsExactly("dev.yaml:11:19 services.web.deployment.codeDeploy: needs a way in through "
                + "a load balancer (traffic.alb or traffic.nlb): CodeDeploy shifts traffic between two target groups, and a "
                + "worker has none; use deployment: { rolling: {} }");
    }

    @Test
    void rejectsServiceConnectAloneAndBesideALoadBalancer() {
        files.environment("dev", HEAD + """
                    traffic: { connect: {} }
                    deployment: { codeDeploy: {} }
                  api:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { alb: { loadBalancer: public }, connect: {} }
                    deployment: { codeDeploy: {} }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:11:25 services.web.traffic.connect: is not possible with deployment codeDeploy: ECS Service Connect "
                        + "does not support services under the CODE_DEPLOY deployment controller; publish the service through "
                        + "its load balancer only, or choose an ECS-native deployment",
                "dev.yaml:12:19 services.web.deployment.codeDeploy: needs a way in through a load balancer (traffic.alb or "
                        + "traffic.nlb): CodeDeploy shifts traffic between two target groups, and Service Connect alone has "
                        + "none; use deployment: { rolling: {} }",
                "dev.yaml:17:56 services.api.traffic.connect: is not possible with deployment codeDeploy: ECS Service Connect "
                        + "does not support services under the CODE_DEPLOY deployment controller; publish the service through "
                        + "its load balancer only, or choose an ECS-native deployment");
    }

    @Test
    void rejectsAPlanLongerThanTheProvidersHourWithTheNumbers() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                      codeDeploy:
                        trafficShift: { canary: { percent: 10, minutes: 40 } }
                        terminationWaitMinutes: 10
                  api:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { nlb: { loadBalancer: edge, port: 8080 } }
                    deployment:
                      codeDeploy: { trafficShift: { linear: { percent: 10, minutes: 5 } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:13:7 services.web.deployment.codeDeploy: canary 10% then the rest after 40 minutes, a termination "
                        + "wait of 10 minutes and 15 minutes to start, check and drain tasks make 65 minutes; cdk deploy waits "
                        + "for the deployment through a custom resource whose provider gives up after 60 minutes, so shorten "
                        + "trafficShift or terminationWaitMinutes by 5 minutes",
                "dev.yaml:22:7 services.api.deployment.codeDeploy: linear 10% every 5 minutes, 45 minutes from first to last "
                        + "step, a termination wait of 5 minutes and 15 minutes to start, check and drain tasks make 65 minutes; "
                        + "cdk deploy waits for the deployment through a custom resource whose provider gives up after 60 "
                        + "minutes, so shorten trafficShift or terminationWaitMinutes by 5 minutes");
    }

    @Test
    void rejectsCircuitBreakerAndRollingFieldsUnderCodeDeploy() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: { circuitBreaker: true, minHealthyPercent: 100 } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:12:33 services.web.deployment.codeDeploy.circuitBreaker: unknown key; keys of deployment "
                        + "codeDeploy: trafficShift, terminationWaitMinutes",
                "dev.yaml:12:55 services.web.deployment.codeDeploy.minHealthyPercent: unknown key; keys of deployment "
                        + "codeDeploy: trafficShift, terminationWaitMinutes");
    }

    @Test
    void rejectsAPercentCodeDeployCannotShift() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: { trafficShift: { canary: { percent: 100, minutes: 5 } } } }
                """);

        assertThat(files.problems()).singleElement().asString()
                .isEqualTo("dev.yaml:12:68 services.web.deployment.codeDeploy.trafficShift.canary.percent: 100 is out of range; use an integer from 1 to 99");
    }

    @Test
    void rejectsAnAllAtOnceShiftWhoseTerminationWaitOutlastsTheProvidersHour() {
        // GIVEN all traffic at once, then a 50-minute termination wait: 50 + 15 minutes for the tasks is 65
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: { trafficShift: { allAtOnce: {} }, terminationWaitMinutes: 50 } }
                """);

        // THEN the message names the plan and how much to take off
        assertThat(files.problems()).containsExactly("dev.yaml:12:19 services.web.deployment.codeDeploy: all traffic at "
                + "once, a termination wait of 50 minutes and 15 minutes to start, check and drain tasks make 65 minutes; "
                + "cdk deploy waits for the deployment through a custom resource whose provider gives up after 60 "
                + "minutes, so shorten trafficShift or terminationWaitMinutes by 5 minutes");
    }

    @Test
    void rejectsACanaryAndALinearShiftWithoutPercentOrMinutes() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: { trafficShift: { canary: {} } } }
                  api:
                    image: nginx
                    port: 8080
                    user: "1000"
                    traffic: { nlb: { loadBalancer: edge, port: 8080 } }
                    deployment: { codeDeploy: { trafficShift: { linear: {} } } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:12:49 services.web.deployment.codeDeploy.trafficShift.canary.minutes: is required; set it to the "
                        + "minutes before the rest moves, e.g. 5",
                "dev.yaml:12:49 services.web.deployment.codeDeploy.trafficShift.canary.percent: is required; set it to the "
                        + "share of traffic the first step moves, e.g. 10",
                "dev.yaml:18:49 services.api.deployment.codeDeploy.trafficShift.linear.minutes: is required; set it to the "
                        + "minutes between steps, e.g. 1",
                "dev.yaml:18:49 services.api.deployment.codeDeploy.trafficShift.linear.percent: is required; set it to the "
                        + "share of traffic each step moves, e.g. 10");
    }

    @Test
    void rejectsMinutesOutOfRange() {
        files.environment("dev", HEAD + """
                    traffic: { alb: { loadBalancer: public } }
                    deployment: { codeDeploy: { trafficShift: { linear: { percent: 10, minutes: 0 } }, terminationWaitMinutes: 2881 } }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:12:81 services.web.deployment.codeDeploy.trafficShift.linear.minutes: 0 is out of range; use an "
                        + "integer from 1 to 2880",
                "dev.yaml:12:112 services.web.deployment.codeDeploy.terminationWaitMinutes: 2881 is out of range; use an "
                        + "integer from 0 to 2880");
    }
}
