package dev.ecsplatform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader accepts and rejects under {@code services.<name>.scaling}: the optional target tracking, step
 * scaling and schedules. Each environment file starts with {@link #WEB} (10 lines), so the scaling keys a test
 * writes begin on line 11, at column 7.
 */
class ScalingRejectionTest {

    /** A dev service on an ALB, ending with the {@code scaling:} key its tests fill in. */
    private static final String WEB = """
            tier: %s
            loadBalancers:
              public: { allowFrom: [0.0.0.0/0]%s }
            services:
              web:
                image: nginx:1.27
                port: 8080
                user: "1000"
                traffic: { alb: { loadBalancer: public } }
                scaling:
            """;

    @TempDir
    Path directory;

    private ConfigTestFiles files;

    @BeforeEach
    void writeBase() {
        files = new ConfigTestFiles(directory).base(ConfigTestFiles.ACCOUNT_ONLY_BASE);
    }

    private List<String> problems(String tier, String scaling) {
        files.environment(tier, web(tier) + scaling.indent(6));
        return files.problems();
    }

    private static String web(String tier) {
        return WEB.formatted(tier, tier.equals("prod") ? ", certificates: [\"" + ConfigTestFiles.CERTIFICATE + "\"]" : "");
    }

    // ---- what is accepted ------------------------------------------------------------------------

    @Test
    void bindsEveryPolicyAndSchedule() {
        files.environment("dev", web("dev") + """
                minTasks: 1
                maxTasks: 6
                memoryTargetPercent: 80
                requestsPerTarget: 500
                stepScaling:
                  metric:
                    namespace: AWS/SQS
                    name: ApproximateNumberOfMessagesVisible
                    dimensions: { QueueName: orders }
                    statistic: maximum
                  steps:
                    - { upper: 10, change: -1 }
                    - { lower: 100, upper: 500, change: 1 }
                    - { lower: 500, change: 3 }
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", timeZone: Europe/Berlin, minTasks: 0, maxTasks: 0 }
                  morning: { schedule: "cron(0 7 ? * MON-FRI *)", timeZone: Europe/Berlin, minTasks: 1, maxTasks: 6 }
                  launch: { schedule: "at(2027-01-15T18:00:00)", minTasks: 4, maxTasks: 6 }
                """.indent(6));

        ScalingConfig scaling = files.load("dev").services().get("web").scaling();

        assertThat(scaling.memoryTargetPercent()).contains(80);
        assertThat(scaling.requestsPerTarget()).contains(500);
        StepScalingConfig steps = scaling.stepScaling().orElseThrow();
        assertThat(steps.metric()).isEqualTo(new ScalingMetricConfig("AWS/SQS", "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", "orders"), MetricStatistic.MAXIMUM, 60));
        assertThat(steps.steps()).containsExactly(new ScalingStepConfig(Optional.empty(), Optional.of(10), -1),
                new ScalingStepConfig(Optional.of(100), Optional.of(500), 1), new ScalingStepConfig(Optional.of(500), Optional.empty(), 3));
        assertThat(steps.cooldownSeconds()).isEqualTo(300);
        assertThat(steps.evaluationPeriods()).isEqualTo(1);
        assertThat(scaling.schedules()).containsOnlyKeys("night", "morning", "launch");
        assertThat(scaling.schedules().get("night")).isEqualTo(new ScheduleConfig("cron(0 20 ? * MON-FRI *)",
                Optional.of("Europe/Berlin"), 0, 0));
        assertThat(scaling.schedules().get("launch").timeZone()).isEmpty();
    }

    @Test
    void leavesEveryOptionalPolicyOffByDefault() {
        files.environment("dev", web("dev") + "  minTasks: 1\n".indent(4));

        ScalingConfig scaling = files.load("dev").services().get("web").scaling();

        assertThat(scaling).isEqualTo(ScalingConfig.cpuOnly(1, 4, 70));
    }

    @Test
    void acceptsAStepWithoutChangeAsTheOneRangeWhereNothingHappens() {
        files.environment("dev", web("dev") + """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10, change: -1 }, { lower: 10, upper: 100, change: 0 }, { lower: 100, change: 2 }]
                schedules:
                  often: { schedule: "rate(6 hours)", minTasks: 1, maxTasks: 4 }
                """.indent(6));

        assertThat(files.load("dev").services().get("web").scaling().stepScaling().orElseThrow().steps()).hasSize(3);
    }

    // ---- target tracking -------------------------------------------------------------------------

    @Test
    void rejectsRequestTrackingWithoutAnAlbRoute() {
        files.environment("dev", """
                tier: dev
                services:
                  worker:
                    image: busybox
                    user: "1000"
                    scaling: { requestsPerTarget: 100 }
                """);

        assertThat(files.problems()).containsExactly(
                "dev.yaml:6:35 services.worker.scaling.requestsPerTarget: needs traffic.alb: it tracks the requests "
                + "of the service's ALB target groups per healthy task, and this service has no ALB route; scale it on "
                + "cpuTargetPercent, memoryTargetPercent or stepScaling instead");
    }

    // ---- step scaling ----------------------------------------------------------------------------

    @Test
    void rejectsStepScalingWithOneStep() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:13:16 services.web.scaling.stepScaling.steps: has 1 step; give at least 2, e.g. one that "
                + "removes tasks below a bound and one that adds tasks above another: [{ upper: 10, change: -1 }, { "
                + "lower: 100, change: 2 }] (for one value to keep the metric at, target tracking fits better)");
    }

    @Test
    void rejectsStepScalingWithoutAMetric() {
        assertThat(problems("dev", """
                stepScaling:
                  steps: [{ upper: 10, change: -1 }, { lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:11:7 services.web.scaling.stepScaling.metric: is required; set it to the CloudWatch metric "
                + "to watch, e.g. { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, dimensions: { "
                + "QueueName: orders } }");
    }

    @Test
    void rejectsAStepWithoutBounds() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10, change: -1 }, { change: 1 }, { lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:13:44 services.web.scaling.stepScaling.steps[1]: has neither lower nor upper; give at least "
                + "one bound, so that the range of the step is written down (Application Auto Scaling allows no step "
                + "open at both ends)");
    }

    @Test
    void rejectsAStepWhoseUpperBoundIsNotAboveItsLower() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10, change: -1 }, { lower: 100, upper: 50, change: 2 }]
                """)).containsExactly(
                "dev.yaml:13:65 services.web.scaling.stepScaling.steps[1].upper: the step would run from 100 up to "
                + "50; its upper bound must be above its lower bound");
    }

    @Test
    void rejectsOverlappingSteps() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10, change: -1 }, { lower: 100, upper: 500, change: 1 }, { lower: 300, change: 3 }]
                """)).containsExactly(
                "dev.yaml:13:92 services.web.scaling.stepScaling.steps[2].lower: the step would start at 300, inside "
                + "step 1 (100 up to 500); list the steps in ascending order, each starting at or above where the one "
                + "before it ends");
    }

    @Test
    void rejectsStepsInDescendingOrder() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ lower: 100, change: 2 }, { upper: 10, change: -1 }]
                """)).containsExactly(
                "dev.yaml:13:44 services.web.scaling.stepScaling.steps[1]: comes after a step at higher values (step "
                + "0, at 100); list the steps in ascending order, from the lowest values of the metric up");
    }

    @Test
    void rejectsStepsThatLeaveOpenWhereTheyMeet() {
        // GIVEN a step from 10 up and a step up to 50 after it: where the first ends and the second starts is unsaid
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 5, change: -1 }, { lower: 10, change: 1 }, { upper: 50, change: 2 }]
                """)).containsExactly("dev.yaml:13:69 services.web.scaling.stepScaling.steps[2]: "
                + "leaves open where steps 1 and 2 meet; give upper in step 1 or lower in this one");
    }

    @Test
    void rejectsTwoRangesWithoutChange() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ lower: 10, upper: 20, change: 1 }, { lower: 50, change: 2 }]
                """)).containsExactly(
                "dev.yaml:13:16 services.web.scaling.stepScaling.steps: leaves 2 ranges where nothing changes (0 up "
                + "to 10, 20 up to 50); step scaling allows one, between the steps that remove tasks and those that add "
                + "them: let the other steps touch, or give them a change");
    }

    @Test
    void rejectsStepsThatNeverChangeTheCount() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10, change: 0 }, { lower: 10, change: 0 }]
                """)).containsExactly(
                "dev.yaml:13:16 services.web.scaling.stepScaling.steps: no step changes the task count; give the "
                + "steps above or below the range where nothing happens a change other than 0");
    }

    @Test
    void rejectsAPeriodThatIsNotWholeMinutes() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, periodSeconds: 90 }
                  steps: [{ upper: 10, change: -1 }, { lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:12:96 services.web.scaling.stepScaling.metric.periodSeconds: 90 is not a whole number of "
                + "minutes; use a multiple of 60, such as 60 or 300 (AWS services publish most metrics once a minute)");
    }

    @Test
    void rejectsMoreThanFortySteps() {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 41; i++) {
            steps.append(i == 0 ? "" : ", ").append("{ lower: ").append(i * 10).append(", upper: ").append(i * 10 + 10)
                    .append(", change: ").append(i < 20 ? -1 : 1).append(" }");
        }
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [%s]
                """.formatted(steps))).containsExactly(
                "dev.yaml:13:16 services.web.scaling.stepScaling.steps: has 41 steps; use at most 40");
    }

    // ---- schedules -------------------------------------------------------------------------------

    @Test
    void rejectsAFiveFieldCron() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 * * 1-5)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'cron(0 20 * * 1-5)' has 5 fields; an "
                + "Application Auto Scaling cron has 6: minutes, hours, day of month, month, day of week and year, e.g. "
                + "cron(0 20 ? * MON-FRI *)");
    }

    @Test
    void rejectsACronWithBothDayFields() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 * * MON-FRI *)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'cron(0 20 * * MON-FRI *)' sets both "
                + "day of month (*) and day of week (MON-FRI); exactly one of them is ?, e.g. cron(0 20 ? * MON-FRI *) "
                + "on weekdays or cron(0 20 1 * ? *) on the first of each month");
    }

    @Test
    void rejectsACronHourOutOfRange() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 24 ? * MON-FRI *)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'cron(0 24 ? * MON-FRI *)' has 24 in "
                + "its hours field; use 0 to 23, * , - /, as in cron(0 20 ? * MON-FRI *)");
    }

    @Test
    void rejectsAnUnknownWeekday() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRY *)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'cron(0 20 ? * MON-FRY *)' has 'FRY' "
                + "in its day of week field; use 1 to 7 (1 is Sunday) or SUN to SAT, * , - ? L #, as in cron(0 20 ? * "
                + "MON-FRI *)");
    }

    @Test
    void rejectsTextThatIsNoSchedule() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "every night at 8", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'every night at 8' is not a schedule; "
                + "use cron(<minutes> <hours> <day of month> <month> <day of week> <year>), at(yyyy-mm-ddThh:mm:ss) or "
                + "rate(<n> <minutes, hours or days>)");
    }

    @Test
    void rejectsAnAtWithADateThatDoesNotExist() {
        assertThat(problems("dev", """
                schedules:
                  launch: { schedule: "at(2027-02-30T18:00:00)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:29 services.web.scaling.schedules.launch.schedule: 'at(2027-02-30T18:00:00)' is not an "
                + "at expression; write at(yyyy-mm-ddThh:mm:ss) with a date and time that exist, e.g. "
                + "at(2027-01-15T18:00:00)");
    }

    @Test
    void rejectsARateWithAnUnknownUnit() {
        assertThat(problems("dev", """
                schedules:
                  often: { schedule: "rate(2 weeks)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.often.schedule: 'rate(2 weeks)' is not a rate "
                + "expression; write rate(<n> <unit>) with a whole number from 1 and minute, minutes, hour, hours, day "
                + "or days, e.g. rate(6 hours)");
    }

    @Test
    void rejectsATimeZoneOnARate() {
        assertThat(problems("dev", """
                schedules:
                  often: { schedule: "rate(6 hours)", timeZone: Europe/Berlin, minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:55 services.web.scaling.schedules.often.timeZone: is only for cron and at schedules; a "
                + "rate schedule repeats at its interval from when it is created, whatever the zone, so remove timeZone");
    }

    @Test
    void rejectsAnUnknownTimeZone() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", timeZone: Europe/Berlim, minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:66 services.web.scaling.schedules.night.timeZone: 'Europe/Berlim' is not an IANA time "
                + "zone; did you mean Europe/Berlin? use a name such as Europe/Berlin, America/New_York or UTC");
    }

    @Test
    void rejectsAScheduleWithMaxBelowMin() {
        assertThat(problems("dev", """
                schedules:
                  peak: { schedule: "cron(0 8 ? * MON-FRI *)", minTasks: 4, maxTasks: 2 }
                """)).containsExactly(
                "dev.yaml:12:77 services.web.scaling.schedules.peak.maxTasks: 2 is less than minTasks (4); use 4 or "
                + "more");
    }

    @Test
    void rejectsAMinimumOfZeroWithRoomAboveIt() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", minTasks: 0, maxTasks: 2 }
                  morning: { schedule: "cron(0 7 ? * MON-FRI *)", minTasks: 1, maxTasks: 2 }
                """)).containsExactly(
                "dev.yaml:12:66 services.web.scaling.schedules.night.minTasks: 0 with maxTasks 2 does not say whether "
                + "the service stops: nothing starts a service that has no task, since there is no CPU or request "
                + "metric to act on; write maxTasks: 0 as well to stop it, or use minTasks 1 or more");
    }

    @Test
    void rejectsAStopWithoutAStart() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", minTasks: 0, maxTasks: 0 }
                """)).containsExactly(
                "dev.yaml:12:9 services.web.scaling.schedules.night: stops the service, and no other schedule starts "
                + "it again; add one with minTasks 1 or more, e.g. on weekday mornings: { schedule: \"cron(0 7 ? * "
                + "MON-FRI *)\", minTasks: 1, maxTasks: 2 }");
    }

    @Test
    void rejectsAProdScheduleBelowTwoTasks() {
        assertThat(problems("prod", """
                minTasks: 2
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", minTasks: 1, maxTasks: 2 }
                  morning: { schedule: "cron(0 7 ? * MON-FRI *)", minTasks: 2, maxTasks: 8 }
                """)).containsExactly(
                "prod.yaml:13:66 services.web.scaling.schedules.night.minTasks: 1 is too few for prod; a prod "
                + "schedule keeps at least 2 tasks, like scaling.minTasks, so one failure is not an outage "
                + "(REL10-BP01); stopping a service on a schedule is for dev and test");
    }

    @Test
    void rejectsAScheduleNameThatIsNoName() {
        assertThat(problems("dev", """
                schedules:
                  Night_Shift: { schedule: "cron(0 20 ? * MON-FRI *)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:9 services.web.scaling.schedules.Night_Shift: 'Night_Shift' is not a valid schedule "
                + "name; use 1 to 20 lower-case letters, digits and hyphens, starting with a letter");
    }

    @Test
    void rejectsAScheduleWithoutTaskBounds() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)" }
                """)).containsExactly(
                "dev.yaml:12:9 services.web.scaling.schedules.night.maxTasks: is required; set it to the most tasks "
                + "from this time on, e.g. 0 to stop the service (outside prod)",
                "dev.yaml:12:9 services.web.scaling.schedules.night.minTasks: is required; set it to the fewest tasks "
                + "from this time on, e.g. 0 to stop the service (outside prod)");
    }

    @Test
    void rejectsACronWithAQuestionMarkInBothDayFields() {
        assertThat(problems("dev", """
                schedules:
                  night: { schedule: "cron(0 20 ? * ? *)", minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:12:28 services.web.scaling.schedules.night.schedule: 'cron(0 20 ? * ? *)' has ? in both day "
                + "of month and day of week; exactly one of them is ?, e.g. cron(0 20 ? * MON-FRI *) on weekdays or "
                + "cron(0 20 1 * ? *) on the first of each month");
    }

    @Test
    void rejectsAFirstStepThatEndsAtZero() {
        // GIVEN a first step without lower, which starts at 0, and an upper of 0
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 0, change: -1 }, { lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:13:26 services.web.scaling.stepScaling.steps[0].upper: the step would run from 0 up to 0; its "
                + "upper bound must be above its lower bound (a first step without lower starts at 0)");
    }

    @Test
    void rejectsStepScalingWithNoSteps() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: []
                """)).containsExactly(
                "dev.yaml:13:16 services.web.scaling.stepScaling.steps: has 0 steps; give at least 2, e.g. one that "
                + "removes tasks below a bound and one that adds tasks above another: [{ upper: 10, change: -1 }, { "
                + "lower: 100, change: 2 }] (for one value to keep the metric at, target tracking fits better)");
    }

    @Test
    void rejectsAMetricThatIsNoCloudWatchMetric() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: "AWS SQS", name: " ApproximateNumberOfMessagesVisible" }
                  steps: [{ upper: 10, change: -1 }, { lower: 100, change: 2 }]
                """)).containsExactly(
                "dev.yaml:12:30 services.web.scaling.stepScaling.metric.namespace: 'AWS SQS' is not a CloudWatch "
                + "namespace; use 1 to 255 letters, digits and . _ / # : -, e.g. AWS/SQS",
                "dev.yaml:12:47 services.web.scaling.stepScaling.metric.name: ' ApproximateNumberOfMessagesVisible' is "
                + "not a CloudWatch metric name; use 1 to 255 characters, not starting with a space");
    }

    @Test
    void rejectsAMetricStepsAndAStepWithoutTheirRequiredFields() {
        assertThat(problems("dev", """
                stepScaling:
                  metric: {}
                """)).containsExactly(
                "dev.yaml:11:7 services.web.scaling.stepScaling.steps: is required; set it to the steps, in ascending "
                + "order, e.g. [{ upper: 10, change: -1 }, { lower: 100, change: 2 }]",
                "dev.yaml:12:9 services.web.scaling.stepScaling.metric.name: is required; set it to the metric's name, "
                + "e.g. ApproximateNumberOfMessagesVisible",
                "dev.yaml:12:9 services.web.scaling.stepScaling.metric.namespace: is required; set it to the metric's "
                + "CloudWatch namespace, e.g. AWS/SQS");
        assertThat(problems("dev", """
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible }
                  steps: [{ upper: 10 }, { lower: 100, change: 2 }]
                schedules:
                  night: { minTasks: 1, maxTasks: 1 }
                """)).containsExactly(
                "dev.yaml:13:17 services.web.scaling.stepScaling.steps[0].change: is required; set it to the number of "
                + "tasks to add, e.g. 2, or to remove, e.g. -1",
                "dev.yaml:15:9 services.web.scaling.schedules.night.schedule: is required; set it to when the bounds "
                + "change: cron(<minutes> <hours> <day of month> <month> <day of week> <year>), at(yyyy-mm-ddThh:mm:ss) "
                + "or rate(<n> <minutes, hours or days>), e.g. \"cron(0 20 ? * MON-FRI *)\"");
    }

    @Test
    void rejectsTargetsStepsAndSchedulesOutOfRange() {
        // GIVEN one value just outside each range of the scaling keys
        assertThat(problems("dev", """
                memoryTargetPercent: 91
                requestsPerTarget: 0
                stepScaling:
                  metric: { namespace: AWS/SQS, name: ApproximateNumberOfMessagesVisible, periodSeconds: 3660 }
                  steps: [{ upper: 10, change: -1001 }, { lower: 1000000001, change: 2 }]
                  cooldownSeconds: 3601
                  evaluationPeriods: 11
                schedules:
                  night: { schedule: "cron(0 20 ? * MON-FRI *)", minTasks: 1, maxTasks: 1001 }
                """)).containsExactly(
                "dev.yaml:11:28 services.web.scaling.memoryTargetPercent: 91 is out of range; use an integer from 10 to 90",
                "dev.yaml:12:26 services.web.scaling.requestsPerTarget: 0 is out of range; use an integer from 1 to 1000000",
                "dev.yaml:14:96 services.web.scaling.stepScaling.metric.periodSeconds: 3660 is out of range; use an "
                + "integer from 60 to 3600",
                "dev.yaml:15:38 services.web.scaling.stepScaling.steps[0].change: -1001 is out of range; use an integer "
                + "from -1000 to 1000",
                "dev.yaml:15:56 services.web.scaling.stepScaling.steps[1].lower: 1000000001 is out of range; use an "
                + "integer from 0 to 1000000000",
                "dev.yaml:16:26 services.web.scaling.stepScaling.cooldownSeconds: 3601 is out of range; use an integer "
                + "from 0 to 3600",
                "dev.yaml:17:28 services.web.scaling.stepScaling.evaluationPeriods: 11 is out of range; use an integer "
                + "from 1 to 10",
                "dev.yaml:19:79 services.web.scaling.schedules.night.maxTasks: 1001 is out of range; use an integer from "
                + "0 to 1000");
    }
}
