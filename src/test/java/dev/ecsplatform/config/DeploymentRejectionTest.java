package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader rejects about recreate and the ECS-native deployments (blueGreen, canary, linear): what ECS and
 * CloudFormation would reject at deploy time, and combinations that would deploy but never work. Each test writes the
 * whole environment file, so line and column can be counted.
 */
class DeploymentRejectionTest {

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE + """
                loadBalancers:
                  public: { allowFrom: [0.0.0.0/0] }
                  edge: { type: network, allowFrom: [0.0.0.0/0] }
                """);
    }

    /** A dev environment with one ALB-routed service deployed by {@code deployment}. */
    private ConfigTestFiles albService(String deployment) {
        return files.environment("dev", """
                tier: dev
                services:
                  web:
                    image: nginx
                    user: "1000"
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    deployment:
                %s""".formatted(deployment.indent(6)));
    }

    @Test
    void loadsEachKindWithItsDocumentedDefaults() {
        albService("canary: {}");
        CanaryDeploymentConfig canary = (CanaryDeploymentConfig) files.load("dev").services().get("web").deployment();
        assertThat(canary).isEqualTo(new CanaryDeploymentConfig(5, 10, 5, java.util.List.of()));

        albService("linear: {}");
        LinearDeploymentConfig linear = (LinearDeploymentConfig) files.load("dev").services().get("web").deployment();
        assertThat(linear).isEqualTo(new LinearDeploymentConfig(10, 6, 5, java.util.List.of()));
        assertThat(linear.waits()).isEqualTo(9);
        assertThat(linear.plannedMinutes()).isEqualTo(5 + 9 * 6);

        albService("blueGreen: {}");
        assertThat(files.load("dev").services().get("web").deployment())
                .isEqualTo(new BlueGreenDeploymentConfig(5, java.util.List.of()));
    }

    @Test
    void countsTheWaitsOfALinearPlanAsCloudFormationDoes() {
        // 100 / 25 = 4 steps, 3 waits; 100 / 11 = 9 full steps and a short last one, 9 waits
        assertThat(new LinearDeploymentConfig(25, 1, 0, java.util.List.of()).waits()).isEqualTo(3);
        assertThat(new LinearDeploymentConfig(11, 1, 0, java.util.List.of()).waits()).isEqualTo(9);
        assertThat(new LinearDeploymentConfig(100, 1, 0, java.util.List.of()).waits()).isZero();
        assertThat(new CanaryDeploymentConfig(10, 30, 15, java.util.List.of()).plannedMinutes()).isEqualTo(45);
    }

    @Test
    void rejectsACanaryPercentOutsideWhatEcsAccepts() {
        albService("canary: { percent: 0 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:26 services.web.deployment.canary.percent: 0 is out of range; use an integer from 1 to "
                + "100");

        albService("canary: { percent: 101 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:26 services.web.deployment.canary.percent: 101 is out of range; use an integer from 1 to "
                + "100");
    }

    @Test
    void rejectsALinearStepBelowThreePercent() {
        albService("linear: { stepPercent: 2 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:30 services.web.deployment.linear.stepPercent: 2 is out of range; use an integer from 3 "
                + "to 100");
    }

    @Test
    void rejectsABakeTimeLongerThanADay() {
        albService("blueGreen: { bakeMinutes: 1441 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:33 services.web.deployment.blueGreen.bakeMinutes: 1441 is out of range; use an integer "
                + "from 0 to 1440");
    }

    @Test
    void rejectsALinearPlanLongerThan33HoursByCloudFormationsFormula() {
        // 1440 + 60 x 9 waits = 1980 is the longest CloudFormation accepts; one minute more is not
        albService("linear: { stepPercent: 10, stepBakeMinutes: 60, bakeMinutes: 1440 }");
        files.load("dev");

        albService("linear: { stepPercent: 11, stepBakeMinutes: 61, bakeMinutes: 1440 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:7 services.web.deployment.linear: plans 1989 minutes (bakeMinutes 1440 + stepBakeMinutes "
                + "61 x 9 waits between steps of 11%), more than the 1980 (33 hours) CloudFormation accepts, because "
                + "its operations time out after 36; shorten the waits or take larger steps");
    }

    @Test
    void rejectsACanaryPlanLongerThan33Hours() {
        albService("canary: { canaryBakeMinutes: 1000, bakeMinutes: 1000 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:7 services.web.deployment.canary: plans 2000 minutes (bakeMinutes 1000 + "
                + "canaryBakeMinutes 1000), more than the 1980 (33 hours) CloudFormation accepts, because its "
                + "operations time out after 36; shorten the waits");
    }

    @Test
    void rejectsAnUnknownLifecycleStageAndListsTheSevenThereAre() {
        albService("""
                blueGreen:
                  hooks:
                    - function: arn:aws:lambda:eu-west-1:123456789012:function:smoke-test
                      stages: [postTestTraficShift, afterInstall]
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:12:22 services.web.deployment.blueGreen.hooks[0].stages[0]: 'postTestTraficShift' is not allowed; did you mean 'postTestTrafficShift'? use one of reconcileService, preScaleUp, postScaleUp, testTrafficShift, postTestTrafficShift, productionTrafficShift, postProductionTrafficShift",
                "dev.yaml:12:43 services.web.deployment.blueGreen.hooks[0].stages[1]: 'afterInstall' is not allowed; use one of reconcileService, preScaleUp, postScaleUp, testTrafficShift, postTestTrafficShift, productionTrafficShift, postProductionTrafficShift");
    }

    @Test
    void rejectsAHookThatIsNoLambdaFunctionArn() {
        albService("""
                canary:
                  hooks:
                    - function: arn:aws:states:eu-west-1:123456789012:stateMachine:smoke-test
                      stages: [postTestTrafficShift]
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:11:23 services.web.deployment.canary.hooks[0].function: "
                + "'arn:aws:states:eu-west-1:123456789012:stateMachine:smoke-test' is not a Lambda function ARN; use "
                + "arn:aws:lambda:<region>:<account>:function:<name>, optionally followed by :<version> or :<alias>");
    }

    @Test
    void rejectsAHookInAnotherAccountAndOneFunctionHookedTwice() {
        albService("""
                linear:
                  hooks:
                    - function: arn:aws:lambda:eu-west-1:210987654321:function:smoke-test
                      stages: [postTestTrafficShift]
                    - function: arn:aws:lambda:eu-west-1:123456789012:function:notify
                      stages: [preScaleUp]
                    - function: arn:aws:lambda:eu-west-1:123456789012:function:notify
                      stages: [postProductionTrafficShift, postProductionTrafficShift]
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:11:23 services.web.deployment.linear.hooks[0].function: 'arn:aws:lambda:eu-west-1:210987654321:function:smoke-test' is a Lambda function of account 210987654321, not of the environment's account 123456789012; ECS calls a hook with a role of this stack, which is granted this account's functions only",
                "dev.yaml:15:23 services.web.deployment.linear.hooks[2].function: 'arn:aws:lambda:eu-west-1:123456789012:function:notify' already has a hook; list all its stages in that one",
                "dev.yaml:16:21 services.web.deployment.linear.hooks[2].stages: lists a stage twice; list each stage once");
    }

    @Test
    void rejectsAHookWithoutStages() {
        albService("""
                blueGreen:
                  hooks:
                    - function: arn:aws:lambda:eu-west-1:123456789012:function:smoke-test
                      stages: []
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:12:21 services.web.deployment.blueGreen.hooks[0].stages: must not be empty; list the "
                + "stages at which ECS calls the function, e.g. [postTestTrafficShift]");
    }

    @Test
    void rejectsEveryShiftingKindOnAWorker() {
        files.environment("dev", """
                tier: dev
                services:
                  jobs:
                    image: busybox:1.37.0
                    user: "1000"
                    deployment: { blueGreen: {} }
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:6:19 services.jobs.deployment.blueGreen: needs traffic through a load balancer to shift: "
                + "set traffic.alb or traffic.nlb, or use rolling; this service has no traffic (a worker)");
    }

    @Test
    void rejectsAShiftingKindOnAServiceReachedThroughServiceConnectOnly() {
        files.environment("dev", """
                tier: dev
                cluster: { serviceConnect: true }
                services:
                  ledger:
                    image: nginx:1.27
                    user: "1000"
                    port: 8080
                    traffic: { connect: {} }
                    deployment: { canary: {} }
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:9:19 services.ledger.deployment.canary: needs traffic through a load balancer to shift: "
                + "set traffic.alb or traffic.nlb, or use rolling; this service is reached through Service Connect "
                + "only, whose traffic the platform does not shift");
    }

    @Test
    void acceptsRecreateOutsideProdAndRejectsItInProd() {
        albService("recreate: {}");
        files.load("dev");

        files.environment("prod", """
                tier: prod
                loadBalancers:
                  public: { certificates: ["%s"] }
                services:
                  web:
                    image: nginx:1.27
                    user: "1000"
                    port: 8080
                    traffic: { alb: { loadBalancer: public } }
                    scaling: { minTasks: 2 }
                    deployment: { recreate: {} }
                """.formatted(ConfigTestFiles.CERTIFICATE));
        assertThat(files.problems()).containsExactly("prod.yaml:11:19 services.web.deployment.recreate: is not allowed in prod: recreate stops every task "
                + "before it starts the new version, so the service is down until the new tasks pass their health "
                + "checks; use rolling (100/200 in prod), or blueGreen, canary or linear behind a load balancer");
    }

    @Test
    void rejectsAnNlbTestListenerWithADeploymentThatDoesNotShiftTraffic() {
        String service = """
                tier: dev
                services:
                  cache:
                    image: redis:7.4.1
                    user: "999"
                    port: 6379
                    traffic:
                      nlb:
                        loadBalancer: edge
                        port: 6379
                        testListener: { port: 16379, allowFrom: [203.0.113.0/24] }
                """;
        files.environment("dev", service);
        assertThat(files.problems()).containsExactly("dev.yaml:11:23 services.cache.traffic.nlb.testListener: is only for a deployment that shifts "
                + "traffic (blueGreen, canary, linear or codeDeploy); a rolling deployment never sends anything to it, "
                + "so remove it or choose one of those kinds");

        files.environment("dev", service + "    deployment: { recreate: {} }\n");
        assertThat(files.problems()).containsExactly("dev.yaml:11:23 services.cache.traffic.nlb.testListener: is only for a deployment that shifts "
                + "traffic (blueGreen, canary, linear or codeDeploy); a recreate deployment never sends anything to "
                + "it, so remove it or choose one of those kinds");

        files.environment("dev", service + "    deployment: { canary: {} }\n");
        files.load("dev");
    }

    @Test
    void rejectsAHookWithoutFunctionOrStages() {
        albService("""
                blueGreen:
                  hooks:
                    - {}
                """);
        assertThat(files.problems()).containsExactly("dev.yaml:11:13 services.web.deployment.blueGreen.hooks[0].function: "
                + "is required; set it to the ARN of a Lambda function, e.g. "
                + "arn:aws:lambda:eu-west-1:111111111111:function:smoke-test",
                "dev.yaml:11:13 services.web.deployment.blueGreen.hooks[0].stages: is required; set it to the stages at "
                + "which ECS calls the function, e.g. [postTestTrafficShift]");
    }

    @Test
    void rejectsCanaryAndLinearWaitsLongerThanADay() {
        albService("canary: { canaryBakeMinutes: 1441 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:36 services.web.deployment.canary.canaryBakeMinutes: 1441 "
                + "is out of range; use an integer from 0 to 1440");

        albService("linear: { stepBakeMinutes: 1441 }");
        assertThat(files.problems()).containsExactly("dev.yaml:9:34 services.web.deployment.linear.stepBakeMinutes: 1441 "
                + "is out of range; use an integer from 0 to 1440");
    }
}

