package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarms section and a service's own thresholds: defaults by tier, a service's value over the environment's, and
 * what the loader rejects. Each test writes the whole environment file, so line and column can be counted.
 */
class AlarmRejectionTest {

    private static final String WEB = """
              web:
                image: nginx
                port: 8080
                user: "101"
                traffic: { alb: { loadBalancer: public, priority: 10 } }
            """;

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    @Test
    void aServiceTakesTheEnvironmentsThresholdsWhichFollowTheTierUnlessItSetsItsOwn() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                alarms: { p99ResponseTimeMillis: 3000 }
                services:
                """ + WEB + """
                    alarms: { serverErrorPercent: 1 }
                """);

        ServiceAlarmsConfig web = files.load("dev").services().get("web").alarms();

        assertThat(web.serverErrorPercent()).isEqualTo(1);
        assertThat(web.p99ResponseTimeMillis()).isEqualTo(3000);
        assertThat(web.tasksBelowDesiredMinutes()).isEqualTo(10);
        assertThat(web.cpuPercent()).isEqualTo(90);
        assertThat(web.minimumRequestsPerMinute()).isEqualTo(10);
    }

    @Test
    void prodDefaultsAreTighterForTheFiveXxRateAndMissingTasks() {
        files.environment("prod", TestEnvironmentsText.PROD);

        AlarmsConfig prod = files.load("prod").alarms();

        assertThat(prod.serverErrorPercent()).isEqualTo(2);
        assertThat(prod.tasksBelowDesiredMinutes()).isEqualTo(5);
        assertThat(prod.notifications().emails()).isEmpty();
    }

    @Test
    void rejectsAnAddressThatIsNoEmailAndOneListedTwice() {
        files.environment("dev", """
                tier: dev
                alarms:
                  notifications:
                    emails: [oncall@example.com, oncall]
                """).environment("test", """
                tier: test
                alarms:
                  notifications:
                    emails: [oncall@example.com, OnCall@Example.com]
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:4:13 alarms.notifications.emails: 'oncall' is not an email address; use an address such as "
                        + "oncall@example.com",
                "test.yaml:4:13 alarms.notifications.emails: 'OnCall@Example.com' is listed twice; list each address once");
    }

    @Test
    void rejectsThresholdsOutOfRange() {
        files.environment("dev", """
                tier: dev
                alarms: { serverErrorPercent: 0, p99ResponseTimeMillis: 5, tasksBelowDesiredMinutes: 61 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:2:31 alarms.serverErrorPercent: 0 is out of range; use an integer from 1 to 100",
                "dev.yaml:2:57 alarms.p99ResponseTimeMillis: 5 is out of range; use an integer from 10 to 300000",
                "dev.yaml:2:86 alarms.tasksBelowDesiredMinutes: 61 is out of range; use an integer from 1 to 60");
    }

    @Test
    void rejectsLoadBalancerThresholdsOnAWorker() {
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: busybox
                    user: "1000"
                    alarms: { p99ResponseTimeMillis: 900, unhealthyHosts: 2, cpuPercent: 95 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:38 services.worker.alarms.p99ResponseTimeMillis: does nothing here: only a service with "
                        + "traffic.alb has the 5xx-rate and p99-latency alarms; remove it",
                "dev.yaml:6:59 services.worker.alarms.unhealthyHosts: does nothing here: only a service with traffic.alb "
                        + "or traffic.nlb has the unhealthy-hosts alarm; remove it");
    }

    @Test
    void rejectsACpuAlarmThatAutoscalingWouldKeepFiringWhereverTheValueIsWritten() {
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                alarms: { cpuPercent: 60 }
                services:
                """ + WEB + """
                    alarms: { cpuPercent: 70 }
                  api:
                    image: nginx
                    user: "101"
                    scaling: { cpuTargetPercent: 80 }
                  batch:
                    image: nginx
                    user: "101"
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:3:23 alarms.cpuPercent: the cpu-high alarm fires at 60%, not above scaling.cpuTargetPercent of "
                        + "service 'batch' (70%), the CPU that autoscaling keeps the service at: it would be in alarm in normal "
                        + "operation; use a cpuPercent above 70 or a lower cpuTargetPercent",
                "dev.yaml:10:27 services.web.alarms.cpuPercent: the cpu-high alarm fires at 70%, not above "
                        + "scaling.cpuTargetPercent (70%), the CPU that autoscaling keeps the service at: it would be in alarm "
                        + "in normal operation; use a cpuPercent above 70 or a lower cpuTargetPercent",
                "dev.yaml:14:34 services.api.scaling.cpuTargetPercent: the cpu-high alarm fires at 60%, not above "
                        + "scaling.cpuTargetPercent (80%), the CPU that autoscaling keeps the service at: it would be in alarm "
                        + "in normal operation; use a cpuPercent above 80 or a lower cpuTargetPercent");
    }

    /** The shortest valid prod file, for tests of prod's defaults. */
    private static final class TestEnvironmentsText {
        static final String PROD = """
                tier: prod
                network: { maxAzs: 3 }
                """;
    }

    @Test
    void rejectsAlbThresholdsOnAnNlbServiceButNotItsUnhealthyHosts() {
        // GIVEN a service behind a network load balancer, which has the unhealthy-hosts alarm but no 5xx-rate alarm
        files.environment("dev", """
                tier: dev
                loadBalancers: { edge: { type: network, allowFrom: [0.0.0.0/0] } }
                services:
                  tcp:
                    image: nginx
                    user: "101"
                    port: 8080
                    traffic: { nlb: { loadBalancer: edge, port: 80 } }
                    alarms: { serverErrorPercent: 3, minimumRequestsPerMinute: 20, unhealthyHosts: 2 }
                """);

        // THEN only the two ALB thresholds are reported
        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:35 services.tcp.alarms.serverErrorPercent: does nothing here: only a service with "
                        + "traffic.alb has the 5xx-rate and p99-latency alarms; remove it",
                "dev.yaml:9:64 services.tcp.alarms.minimumRequestsPerMinute: does nothing here: only a service with "
                        + "traffic.alb has the 5xx-rate and p99-latency alarms; remove it");
    }

    @Test
    void rejectsServiceThresholdsOutOfRange() {
        // GIVEN one value just outside each range of a service's own thresholds
        files.environment("dev", """
                tier: dev
                loadBalancers: { public: { allowFrom: [0.0.0.0/0] } }
                services:
                """ + WEB + """
                    alarms: { minimumRequestsPerMinute: 0, unhealthyHosts: 1001, cpuPercent: 101, memoryPercent: 0 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:9:41 services.web.alarms.minimumRequestsPerMinute: 0 is out of range; use an integer from 1 to "
                        + "1000000",
                "dev.yaml:9:60 services.web.alarms.unhealthyHosts: 1001 is out of range; use an integer from 1 to 1000",
                "dev.yaml:9:78 services.web.alarms.cpuPercent: 101 is out of range; use an integer from 1 to 100",
                "dev.yaml:9:98 services.web.alarms.memoryPercent: 0 is out of range; use an integer from 1 to 100");
    }
}
