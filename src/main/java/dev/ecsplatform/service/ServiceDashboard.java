package dev.ecsplatform.service;

import dev.ecsplatform.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.AlarmWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.constructs.Construct;

/**
 * A CloudWatch dashboard per service and environment, named {@code <environment>-<service>}: the state of every alarm
 * of the service, each alarm's signal against its threshold, and, behind an application load balancer, the requests
 * per target group, so that a blue/green deployment's traffic shift shows as it happens. Behind a network load
 * balancer it adds the load balancer's flows and target resets, which CloudWatch has only for the whole load balancer.
 *
 * <p>The name is literal so that the console and the docs can name it. Dashboard names are one per account (dashboards
 * are global), and environments may share an account, hence the environment first.
 */
public final class ServiceDashboard extends Construct {

    /** Widgets per row: CloudWatch's grid is 24 units wide. */
    private static final int WIDGET_WIDTH = 8;
    private static final int WIDGET_HEIGHT = 6;

    /**
     * Inputs of the dashboard.
     *
     * @param environment the environment's name
     * @param serviceName the service's name in the environment file
     * @param alarms      the service's alarms, whose signals the dashboard shows
     */
    public record Props(String environment, String serviceName, ServiceAlarms alarms) {
    }

    private final Dashboard dashboard;

    public ServiceDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        List<IAlarm> all = new ArrayList<>(props.alarms().alarms().values());
        List<IWidget> signals = new ArrayList<>();
        props.alarms().alarms().forEach((signal, alarm) -> signals.add(AlarmWidget.Builder.create()
                .title(signal.suffix() + (signal.rollsBack() ? " (rolls deployments back)" : ""))
                .alarm(alarm)
                .width(WIDGET_WIDTH).height(WIDGET_HEIGHT)
                .build()));
        if (!props.alarms().requestsPerTargetGroup().isEmpty()) {
            signals.add(GraphWidget.Builder.create()
                    .title("Requests per target group (a blue/green deployment moves them)")
                    .left(props.alarms().requestsPerTargetGroup())
                    .width(WIDGET_WIDTH).height(WIDGET_HEIGHT)
                    .build());
        }
        if (!props.alarms().sharedNetworkLoadBalancerMetrics().isEmpty()) {
            signals.add(GraphWidget.Builder.create()
                    .title("Network load balancer flows and target resets (all its services)")
                    .left(props.alarms().sharedNetworkLoadBalancerMetrics())
                    .width(WIDGET_WIDTH).height(WIDGET_HEIGHT)
                    .build());
        }
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(name(props.environment(), props.serviceName()))
                .widgets(List.of(
                        List.of(AlarmStatusWidget.Builder.create()
                                .title("Alarms of " + props.serviceName() + " in " + props.environment())
                                .alarms(all)
                                .width(24)
                                .build()),
                        signals))
                .build();
    }

    /** The dashboard's name: {@code <environment>-<service>}. */
    public static String name(String environment, String serviceName) {
        return ServiceConfig.environmentScopedName(environment, serviceName);
    }

    /** The dashboard. */
    public Dashboard dashboard() {
        return dashboard;
    }
}
