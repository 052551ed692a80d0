package dev.ecsplatform.service;

import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.config.ServiceAlarmsConfig;
import dev.ecsplatform.config.ServiceConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetGroupBase;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * A service's golden-signal alarms, each notifying the environment's topic when it goes into and out of alarm:
 * through an application load balancer the 5xx rate and the p99 response time of the tasks; through any load balancer
 * unhealthy hosts and no healthy host at all; and for every service tasks below the desired count, CPU and memory.
 *
 * <p>Names are literal, {@code <environment>-<service>-<signal>} ({@link #alarmName}), so that a deployment can name
 * its rollback alarms before they exist ({@link #rollbackAlarmNames}). A name is one per account and region, and
 * environments may share an account, hence the environment first.
 *
 * <p>During a blue/green kind of deployment a way in has two target groups and traffic moves between them; each
 * load-balancer alarm is one metric-math expression over both, so it watches whichever group takes traffic and keeps
 * its name whatever the deployment did. Missing data is not breaching: a quiet service, an idle alternate group or a
 * service scaled to zero is not in alarm.
 *
 * <p>The rollback alarms read only target-group metrics, never the service's own, so they exist before the service
 * (the service depends on them): ECS then never starts a deployment whose alarms are not there yet, on the service's
 * creation or on the update that first names them.
 */
public final class ServiceAlarms extends Construct {

    /** CloudWatch's resolution for ELB, ECS and Container Insights metrics. */
    private static final Duration PERIOD = Duration.minutes(1);

    /** What an alarm watches; the name's last part, and whether a bad deployment rolls back on it. */
    public enum Signal {
        /** Share of requests ending in a 5xx from the tasks (application load balancer). */
        SERVER_ERROR_RATE("5xx-rate", "ServerErrorRate", true),
        /** The 99th percentile of the tasks' response time (application load balancer). */
        P99_LATENCY("p99-latency", "P99Latency", true),
        /** Targets failing the load balancer's health check. */
        UNHEALTHY_HOSTS("unhealthy-hosts", "UnhealthyHosts", true),
        /**
         * No healthy target behind a way in while the service wants tasks: an outage. Not a rollback signal: a recreate
         * deployment (0% minimum healthy) has no healthy target for a while by design.
         */
        NO_HEALTHY_HOSTS("no-healthy-hosts", "NoHealthyHosts", false),
        /** Fewer running tasks than desired for a while (Container Insights). */
        TASKS_BELOW_DESIRED("tasks-below-desired", "TasksBelowDesired", false),
        /** CPU near the tasks' reservation: autoscaling is not keeping up. */
        CPU_HIGH("cpu-high", "CpuHigh", false),
        /** Memory near the tasks' reservation; at 100% ECS stops the task. */
        MEMORY_HIGH("memory-high", "MemoryHigh", false);

        private final String suffix;
        private final String constructId;
        private final boolean rollsBack;

        Signal(String suffix, String constructId, boolean rollsBack) {
            this.suffix = suffix;
            this.constructId = constructId;
            this.rollsBack = rollsBack;
        }

        /** The last part of the alarm's name, e.g. {@code 5xx-rate}. */
        public String suffix() {
            return suffix;
        }

        /** Whether the alarm rolls a deployment back: a symptom of the new version, not of load or capacity. */
        public boolean rollsBack() {
            return rollsBack;
        }
    }

    /**
     * Inputs of the alarms.
     *
     * @param environment the environment's name, the first part of every alarm name
     * @param serviceName the service's name in the environment file
     * @param thresholds  the service's thresholds
     * @param topic       the environment's alarm topic
     * @param service     the ECS service, for its CPU, memory and task counts
     * @param traffic     the service's ways in through load balancers, after the traffic binding attached it
     */
    public record Props(String environment, String serviceName, ServiceAlarmsConfig thresholds, ITopic topic,
            BaseService service, List<LoadBalancedTraffic> traffic) {
        public Props {
            traffic = List.copyOf(traffic);
        }
    }

    private final Props props;
    private final Map<Signal, Alarm> alarms = new LinkedHashMap<>();
    private final List<IMetric> requestsPerTargetGroup = new ArrayList<>();
    private final List<IMetric> sharedNetworkLoadBalancerMetrics = new ArrayList<>();

    public ServiceAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        this.props = props;
        ServiceAlarmsConfig limits = props.thresholds();
        List<LoadBalancedTraffic> applications = props.traffic().stream()
                .filter(way -> way.type() == LoadBalancerType.APPLICATION).toList();
        forEachGroup(applications, (way, group, suffix) -> requestsPerTargetGroup.add(Metric.Builder.create()
                .namespace(LoadBalancerType.APPLICATION.metricNamespace()).metricName("RequestCount")
                .dimensionsMap(dimensions("LoadBalancer", way.loadBalancerFullName(), "TargetGroup", group.getTargetGroupFullName()))
                .statistic("Sum").period(PERIOD)
                .label("requests to the " + (suffix.endsWith("primary") ? "primary" : "alternate") + " target group")
                .build()));
        // The signals are decided in one place, signals(), which also names the rollback alarms before the service exists.
        for (Signal signal : signals(loadBalancerTypes(props.traffic()))) {
            switch (signal) {
                case SERVER_ERROR_RATE -> serverErrorRate(applications, limits);
                case P99_LATENCY -> p99Latency(applications, limits);
                case UNHEALTHY_HOSTS -> unhealthyHosts(limits);
                case NO_HEALTHY_HOSTS -> noHealthyHosts();
                case TASKS_BELOW_DESIRED -> tasksBelowDesired(limits);
                case CPU_HIGH -> utilization(Signal.CPU_HIGH, props.service().metricCpuUtilization(metricOptions("Average")),
                        limits.cpuPercent(), "average CPU utilization");
                case MEMORY_HIGH -> utilization(Signal.MEMORY_HIGH,
                        props.service().metricMemoryUtilization(metricOptions("Average")), limits.memoryPercent(),
                        "average memory utilization");
            }
        }
        // Only target-group metrics: nothing here depends on the service, so the service can wait for these.
        rollbackAlarms().forEach(alarm -> props.service().getNode().addDependency(alarm));
        props.traffic().stream().filter(way -> way.type() == LoadBalancerType.NETWORK).forEach(way -> Stream.of(
                        "NewFlowCount", "TCP_Target_Reset_Count")
                .forEach(name -> sharedNetworkLoadBalancerMetrics.add(Metric.Builder.create()
                        .namespace(LoadBalancerType.NETWORK.metricNamespace()).metricName(name)
                        .dimensionsMap(Map.of("LoadBalancer", way.loadBalancerFullName()))
                        .statistic("Sum").period(PERIOD)
                        .label(name + " (the whole load balancer, all its services)")
                        .build())));
    }

    /** The name of the service's alarm on {@code signal}: {@code <environment>-<service>-<signal>}. */
    public static String alarmName(String environment, String serviceName, Signal signal) {
        return ServiceConfig.environmentScopedName(environment, serviceName) + "-" + signal.suffix();
    }

    /**
     * The signals a service gets, by the kinds of load balancer in front of it: none for a worker or a service reached
     * through Service Connect alone, which get only the task signals.
     */
    public static List<Signal> signals(Set<LoadBalancerType> loadBalancers) {
        List<Signal> signals = new ArrayList<>();
        if (loadBalancers.contains(LoadBalancerType.APPLICATION)) {
            signals.add(Signal.SERVER_ERROR_RATE);
            signals.add(Signal.P99_LATENCY);
        }
        if (!loadBalancers.isEmpty()) {
            signals.add(Signal.UNHEALTHY_HOSTS);
            signals.add(Signal.NO_HEALTHY_HOSTS);
        }
        signals.addAll(List.of(Signal.TASKS_BELOW_DESIRED, Signal.CPU_HIGH, Signal.MEMORY_HIGH));
        return signals;
    }

    /**
     * The names of the alarms that roll a bad deployment back, known before the service exists: the 5xx rate, the p99
     * response time and unhealthy hosts. A worker has none (its deployment relies on the circuit breaker alone), so its
     * service gets no deployment alarms.
     *
     * @param loadBalancers the kinds of load balancer in front of the service
     */
    public static List<String> rollbackAlarmNames(String environment, String serviceName, Set<LoadBalancerType> loadBalancers) {
        return signals(loadBalancers).stream().filter(Signal::rollsBack)
                .map(signal -> alarmName(environment, serviceName, signal)).toList();
    }

    private void serverErrorRate(List<LoadBalancedTraffic> ways, ServiceAlarmsConfig limits) {
        Map<String, IMetric> using = new LinkedHashMap<>();
        String errors = sum(ways, "e", "HTTPCode_Target_5XX_Count", "Sum", using);
        String requests = sum(ways, "r", "RequestCount", "Sum", using);
        MathExpression rate = MathExpression.Builder.create()
                .expression("IF(" + requests + " >= " + limits.minimumRequestsPerMinute() + ", 100 * " + errors + " / "
                        + requests + ", 0)")
                .usingMetrics(using)
                .period(PERIOD)
                .label("5xx responses from the tasks, % of requests")
                .build();
        alarm(Signal.SERVER_ERROR_RATE, rate, limits.serverErrorPercent(), ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                "more than " + limits.serverErrorPercent() + "% of requests ended in a 5xx from the tasks in 3 of 4 minutes "
                        + "(minutes with fewer than " + limits.minimumRequestsPerMinute() + " requests count as good)");
    }

    private void p99Latency(List<LoadBalancedTraffic> ways, ServiceAlarmsConfig limits) {
        Map<String, IMetric> using = new LinkedHashMap<>();
        String requests = sum(ways, "r", "RequestCount", "Sum", using);
        List<String> percentiles = new ArrayList<>();
        forEachGroup(ways, (way, group, suffix) -> {
            String id = "p" + suffix;
            using.put(id, targetGroupMetric(way, group, "TargetResponseTime", "p99"));
            percentiles.add(id);
        });
        MathExpression latency = MathExpression.Builder.create()
                .expression("IF(" + requests + " >= " + limits.minimumRequestsPerMinute() + ", 1000 * "
                        + larger(percentiles) + ", 0)")
                .usingMetrics(using)
                .period(PERIOD)
                .label("p99 response time of the tasks, ms")
                .build();
        alarm(Signal.P99_LATENCY, latency, limits.p99ResponseTimeMillis(), ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                "the tasks' p99 response time was above " + limits.p99ResponseTimeMillis() + " ms in 3 of 4 minutes (minutes "
                        + "with fewer than " + limits.minimumRequestsPerMinute() + " requests count as good)");
    }

    private void unhealthyHosts(ServiceAlarmsConfig limits) {
        // Minimum: a target every load balancer node sees failing (the NLB guide recommends the minimum of
        // UnHealthyHostCount); summed over the groups of a way in, and the worse way in counts.
        IMetric unhealthy = perWayIn("u", "UnHealthyHostCount", "Minimum", "MAX", "unhealthy targets");
        alarm(Signal.UNHEALTHY_HOSTS, unhealthy, limits.unhealthyHosts(), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                limits.unhealthyHosts() + " or more of the service's targets failed the load balancer's health check in 2 of 3 "
                        + "minutes");
    }

    private void noHealthyHosts() {
        Map<String, IMetric> using = new LinkedHashMap<>();
        using.put("desired", containerInsights("DesiredTaskCount", "Maximum"));
        using.put("healthy", perWayIn("h", "HealthyHostCount", "Maximum", "MIN", "healthy targets"));
        MathExpression none = MathExpression.Builder.create()
                .expression("IF(FILL(desired, 0) >= 1 AND FILL(healthy, 0) < 1, 1, 0)")
                .usingMetrics(using)
                .period(PERIOD)
                .label("1 while no target is healthy and tasks are wanted")
                .build();
        alarm(Signal.NO_HEALTHY_HOSTS, none, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                "a load balancer had no healthy target of the service in 2 of 3 minutes while the service wanted tasks: nothing "
                        + "reached it");
    }

    private void tasksBelowDesired(ServiceAlarmsConfig limits) {
        int minutes = limits.tasksBelowDesiredMinutes();
        MathExpression missing = MathExpression.Builder.create()
                .expression("FILL(desired, 0) - FILL(running, 0)")
                .usingMetrics(ordered("desired", containerInsights("DesiredTaskCount", "Average"),
                        "running", containerInsights("RunningTaskCount", "Average")))
                .period(PERIOD)
                .label("tasks wanted but not running")
                .build();
        alarm(Signal.TASKS_BELOW_DESIRED, missing, 0, ComparisonOperator.GREATER_THAN_THRESHOLD, minutes,
                "fewer tasks ran than the service wants in " + minutes + " of " + (minutes + 1) + " minutes: tasks that crash, cannot pull their "
                        + "image or find no capacity");
    }

    private void utilization(Signal signal, Metric metric, int percent, String what) {
        alarmInARow(signal, metric, percent, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 5,
                "the tasks' " + what + " was " + percent + "% or more of their reservation for 5 minutes");
    }

    /**
     * An alarm on a metric-math expression that fills missing data ({@code FILL}, or {@code IF} with 0 for a quiet
     * minute): {@code minutes} breaching minutes out of the last {@code minutes + 1}. The newest minute is often not
     * published yet when CloudWatch evaluates, and the expression then fills it with its good value; an alarm that needs
     * every evaluated minute to breach would never fire. The CloudWatch guide (metric math, FILL) names this and its
     * remedy, an M out of N alarm.
     */
    private void alarm(Signal signal, IMetric metric, double threshold, ComparisonOperator comparison, int minutes,
            String what) {
        alarm(signal, metric, threshold, comparison, minutes + 1, minutes, what);
    }

    /** An alarm on a plain metric, whose unpublished newest minute is missing, not filled: {@code minutes} in a row. */
    private void alarmInARow(Signal signal, IMetric metric, double threshold, ComparisonOperator comparison, int minutes,
            String what) {
        alarm(signal, metric, threshold, comparison, minutes, minutes, what);
    }

    private void alarm(Signal signal, IMetric metric, double threshold, ComparisonOperator comparison, int evaluated,
            int breaching, String what) {
        String name = alarmName(props.environment(), props.serviceName(), signal);
        Alarm alarm = Alarm.Builder.create(this, signal.constructId)
                .alarmName(name)
                .alarmDescription(props.environment() + " " + props.serviceName() + ": " + what + ". "
                        + (signal.rollsBack() ? "Rolls a deployment in progress back." : "Does not roll deployments back.")
                        + " See docs/deployments.md, Alarms, notifications and dashboards.")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluated)
                .datapointsToAlarm(breaching)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .actionsEnabled(true)
                .build();
        SnsAction notify = new SnsAction(props.topic());
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarms.put(signal, alarm);
    }

    /** {@code FILL(x, 0) + ...} over every target group of {@code ways}, with each metric added to {@code using}. */
    private String sum(List<LoadBalancedTraffic> ways, String prefix, String metricName, String statistic,
            Map<String, IMetric> using) {
        return sum(ways, 0, prefix, metricName, statistic, using);
    }

    /** As {@link #sum(List, String, String, String, Map)}, numbering the ways in from {@code firstIndex}. */
    private String sum(List<LoadBalancedTraffic> ways, int firstIndex, String prefix, String metricName, String statistic,
            Map<String, IMetric> using) {
        List<String> terms = new ArrayList<>();
        forEachGroup(ways, firstIndex, (way, group, suffix) -> {
            String id = prefix + suffix;
            using.put(id, targetGroupMetric(way, group, metricName, statistic));
            terms.add("FILL(" + id + ", 0)");
        });
        return "(" + String.join(" + ", terms) + ")";
    }

    /**
     * One expression per way in (the sum over its target groups), then the larger ({@code MAX}) or the smaller
     * ({@code MIN}) over the ways in; the expression alone when there is one way in.
     */
    private IMetric perWayIn(String prefix, String metricName, String statistic, String across, String label) {
        Map<String, IMetric> ways = new LinkedHashMap<>();
        for (int w = 0; w < props.traffic().size(); w++) {
            Map<String, IMetric> using = new LinkedHashMap<>();
            String sum = sum(List.of(props.traffic().get(w)), w, prefix, metricName, statistic, using);
            ways.put(prefix + "way" + w, MathExpression.Builder.create()
                    .expression(sum).usingMetrics(using).period(PERIOD)
                    .label(label + " behind " + props.traffic().get(w).type().yamlName() + " load balancer")
                    .build());
        }
        if (ways.size() == 1) {
            return ways.values().iterator().next();
        }
        List<String> ids = List.copyOf(ways.keySet());
        return MathExpression.Builder.create()
                .expression(across.equals("MAX") ? larger(ids) : smaller(ids))
                .usingMetrics(ways).period(PERIOD).label(label)
                .build();
    }

    /**
     * The larger of the series at each point, by {@code IF}: the CloudWatch guide advises against MAX and MIN in alarms,
     * whose result can change with how much data the alarm asks for. A comparison reads a missing value as 0, so an idle
     * alternate target group yields the other group's value.
     */
    private static String larger(List<String> ids) {
        return ids.stream().reduce((a, b) -> "IF(" + a + " >= " + b + ", " + a + ", " + b + ")").orElseThrow();
    }

    /** The smaller of the series at each point, by {@code IF}, as {@link #larger}. */
    private static String smaller(List<String> ids) {
        return ids.stream().reduce((a, b) -> "IF(" + a + " <= " + b + ", " + a + ", " + b + ")").orElseThrow();
    }

    private interface GroupVisitor {
        void visit(LoadBalancedTraffic way, TargetGroupBase group, String suffix);
    }

    /** Each target group of {@code ways}: the primary, then the alternate of a blue/green kind of deployment. */
    private static void forEachGroup(List<LoadBalancedTraffic> ways, GroupVisitor visitor) {
        forEachGroup(ways, 0, visitor);
    }

    /** As {@link #forEachGroup(List, GroupVisitor)}, numbering the ways in from {@code firstIndex}. */
    private static void forEachGroup(List<LoadBalancedTraffic> ways, int firstIndex, GroupVisitor visitor) {
        for (int w = 0; w < ways.size(); w++) {
            LoadBalancedTraffic way = ways.get(w);
            int index = firstIndex + w;
            visitor.visit(way, way.primary(), index + "primary");
            way.alternate().ifPresent(alternate -> visitor.visit(way, alternate, index + "alternate"));
        }
    }

    private static Metric targetGroupMetric(LoadBalancedTraffic way, TargetGroupBase group, String metricName, String statistic) {
        return Metric.Builder.create()
                .namespace(way.type().metricNamespace())
                .metricName(metricName)
                .dimensionsMap(dimensions("LoadBalancer", way.loadBalancerFullName(), "TargetGroup", group.getTargetGroupFullName()))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    /** A Container Insights metric of the service: the cluster always has Container Insights (cluster.containerInsights). */
    private Metric containerInsights(String metricName, String statistic) {
        return Metric.Builder.create()
                .namespace("ECS/ContainerInsights")
                .metricName(metricName)
                .dimensionsMap(dimensions("ClusterName", props.service().getCluster().getClusterName(),
                        "ServiceName", props.service().getServiceName()))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    /**
     * Two dimensions in this order: the template lists a metric's dimensions in the map's order, and Map.of's order
     * changes from one JVM to the next, which would change the template of an unchanged service.
     */
    private static Map<String, String> dimensions(String name, String value, String otherName, String otherValue) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put(name, value);
        dimensions.put(otherName, otherValue);
        return dimensions;
    }

    /** Two metrics of an expression in this order, for the same reason. */
    private static Map<String, IMetric> ordered(String id, IMetric metric, String otherId, IMetric other) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        metrics.put(id, metric);
        metrics.put(otherId, other);
        return metrics;
    }

    private static MetricOptions metricOptions(String statistic) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).build();
    }

    /** Every alarm of the service, by signal, in the order {@link #signals} gives. */
    public Map<Signal, Alarm> alarms() {
        return Collections.unmodifiableMap(alarms);
    }

    /** The alarms that roll a bad deployment back. */
    public List<Alarm> rollbackAlarms() {
        return alarms.entrySet().stream().filter(entry -> entry.getKey().rollsBack()).map(Map.Entry::getValue).toList();
    }

    /** The names of {@link #rollbackAlarms()}, which the deployment was given before the service existed. */
    public List<String> rollbackAlarmNames() {
        return alarms.keySet().stream().filter(Signal::rollsBack)
                .map(signal -> alarmName(props.environment(), props.serviceName(), signal)).toList();
    }

    /** The request count of each target group, primary and alternate, for the dashboard: where traffic goes. */
    public List<IMetric> requestsPerTargetGroup() {
        return Collections.unmodifiableList(requestsPerTargetGroup);
    }

    /**
     * Flows and target resets of each network load balancer in front of the service. They have no target-group
     * dimension, so they count every service on the load balancer: context on the dashboard, never an alarm.
     */
    public List<IMetric> sharedNetworkLoadBalancerMetrics() {
        return Collections.unmodifiableList(sharedNetworkLoadBalancerMetrics);
    }

    /** The kinds of load balancer of {@code traffic}. */
    private static Set<LoadBalancerType> loadBalancerTypes(List<LoadBalancedTraffic> traffic) {
        return traffic.stream().map(LoadBalancedTraffic::type).collect(Collectors.toSet());
    }
}
