package dev.ecsplatform.stage;

import dev.ecsplatform.logging.LogStorage;
import dev.ecsplatform.cluster.ImportedServiceConnect;
import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.config.FargateConfig;
import dev.ecsplatform.config.ServiceConfig;
import dev.ecsplatform.service.AlbRoute;
import dev.ecsplatform.service.CompositeTraffic;
import dev.ecsplatform.service.ComputeBinding;
import dev.ecsplatform.service.DeployedService;
import dev.ecsplatform.service.DeploymentBinding;
import dev.ecsplatform.service.DeploymentBindings;
import dev.ecsplatform.service.FargateCompute;
import dev.ecsplatform.service.NlbListener;
import dev.ecsplatform.service.ServiceConnectRoute;
import dev.ecsplatform.service.ServiceAlarms;
import dev.ecsplatform.service.ServiceAutoScaling;
import dev.ecsplatform.service.ServiceDashboard;
import dev.ecsplatform.service.ServiceOutputs;
import dev.ecsplatform.service.ServiceTaskDefinition;
import dev.ecsplatform.service.TrafficBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroupImportOptions;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.constructs.Construct;

/**
 * One service: its task definition, the bindings of its three independent choices (traffic, compute,
 * deployment; ADR 0007), its ECS service and autoscaling.
 *
 * <p>References flow one way only, from the platform stack into this one, and only through the
 * platform's explicit exports ({@link PlatformExports}). The load balancer's listener and security
 * groups are imported as immutable handles, so the security-group rule and listener rule are made
 * here; this stack can then be destroyed and recreated without the platform stack changing.
 */
public final class ServiceStack extends Stack {

    private final ServiceTaskDefinition taskDefinition;
    private final TrafficBinding traffic;
    private final BaseService service;
    private final ServiceAutoScaling autoScaling;
    private final ServiceAlarms alarms;

    public ServiceStack(Construct scope, String id, StackProps props, EnvironmentConfig environment,
            String serviceName, PlatformStack platform) {
        super(scope, id, props);
        ServiceConfig config = environment.services().get(serviceName);
        ConfigSources.record(this, environment, "services." + serviceName);
        // Only through the contract: a direct reference to a platform construct would make CDK add an
        // automatic export, which vanishes again with its last consumer (see PlatformExports).
        PlatformExports.Imports imports = platform.exports().importInto(this);
        addStackDependency(platform, "imports the platform contract");

        // One binding per axis (ADR 0007): how requests reach the service, what it runs on, how it deploys. Each
        // sealed config axis has one binding per variant; a variant without a binding fails here, at synth.
        if (!(config.compute() instanceof FargateConfig fargate)) {
            throw new IllegalStateException("no compute binding for " + config.compute());
        }
        ComputeBinding compute = new FargateCompute(fargate.capacity());
        // The alarms that roll a bad deployment back, by name: the service is made before its alarms' metrics exist.
        List<String> rollbackAlarmNames = ServiceAlarms.rollbackAlarmNames(environment.name(), serviceName,
                config.traffic().loadBalancerTypes());
        DeploymentBinding deployment = DeploymentBindings.of(config.deployment(), rollbackAlarmNames);
        boolean codeDeploy = deployment.serviceOptions().controller() == DeploymentControllerType.CODE_DEPLOY;
        // Service Connect does not support the CODE_DEPLOY controller (ECS developer guide), so such a service is no
        // member of the namespace: it neither publishes (a config error) nor calls others by their Service Connect name.
        Optional<ImportedServiceConnect> namespace = codeDeploy ? Optional.empty() : imports.serviceConnect();
        // Prod log groups are KMS-encrypted with this stack's own key, so the stack stays deletable on its own. The
        // app container leaves memory for ECS's Service Connect proxy only where the service is a member.
        this.taskDefinition = new ServiceTaskDefinition(this, "Task", new ServiceTaskDefinition.Props(
                serviceName, config, fargate, namespace.isPresent(), environment.logs().retentionDays(),
                LogStorage.forStack(this, environment.tier())));
        List<TrafficBinding> ways = new ArrayList<>();
        config.traffic().alb().ifPresent(route -> ways.add(new AlbRoute(this, "Traffic", new AlbRoute.Props(
                route, config.healthCheck().gracePeriodSeconds(), config.port().orElseThrow(), imports.vpc(),
                imports.loadBalancer(route.loadBalancer())))));
        config.traffic().nlb().ifPresent(listener -> ways.add(new NlbListener(this, "NetworkTraffic", new NlbListener.Props(
                listener, config.port().orElseThrow(), config.healthCheck().gracePeriodSeconds(),
                environment.loadBalancers().get(listener.loadBalancer()).allowFrom(), imports.vpc(),
                imports.networkLoadBalancer(listener.loadBalancer())))));
        Optional<ServiceConnectRoute> published = config.traffic().connect().map(connect ->
                new ServiceConnectRoute(connect, config.port().orElseThrow(), namespace.orElseThrow()));
        published.ifPresent(ways::add);
        this.traffic = CompositeTraffic.of(ways);

        // Outbound stays open: tasks pull images and call AWS APIs through NAT (or their public IPs, or VPC endpoints). Inbound is what
        // the traffic binding admits, on the container port only; a worker's group admits nothing.
        SecurityGroup taskSecurityGroup = SecurityGroup.Builder.create(this, "TaskSecurityGroup")
                .vpc(imports.vpc())
                .description("Tasks of service " + serviceName + ": in only from the source of their traffic, out anywhere")
                .allowAllOutbound(true)
                .build();
        List<ISecurityGroup> securityGroups = new ArrayList<>(List.of(taskSecurityGroup));
        securityGroups.addAll(traffic.taskSecurityGroups());
        // Existing groups the environment names (services.<name>.securityGroups), worn as they are: immutable handles,
        // so this stack adds no rule to a group it does not own.
        for (String groupId : config.securityGroups()) {
            securityGroups.add(SecurityGroup.fromSecurityGroupId(this, "ExistingSecurityGroup-" + groupId, groupId,
                    SecurityGroupImportOptions.builder().mutable(false).build()));
        }
        // With Service Connect every service is a member, so it may call the published ones: it wears the
        // namespace's group, which each published service admits on its port.
        namespace.ifPresent(connect -> securityGroups.add(connect.securityGroup()));
        Optional<ServiceConnectProps> serviceConnect = namespace.map(connect -> ServiceConnectProps.builder()
                .namespace(connect.namespaceArn())
                .services(published.map(route -> List.of(route.published())).orElse(null))   // a client publishes nothing
                .logDriver(taskDefinition.proxyLogDriver())
                .build());
        ComputeBinding.ServiceSettings settings = new ComputeBinding.ServiceSettings(imports.cluster(),
                imports.taskSubnetSelection(config.subnets()), imports.taskSubnets().assignPublicIp(), taskDefinition.taskDefinition(),
                securityGroups, deployment, traffic.healthCheckGracePeriod(), serviceConnect);
        // A service of its own per controller: switching to or from CODE_DEPLOY makes a new ECS service next to the old
        // one behind the same primary target group, and CloudFormation deletes the old one afterwards (ADR 0013).
        this.service = compute.newService(this, codeDeploy ? "CodeDeployService" : "Service", settings);
        traffic.attach(service, taskSecurityGroup, deployment.trafficShift());
        this.alarms = new ServiceAlarms(this, "Alarms", new ServiceAlarms.Props(environment.name(), serviceName, config.alarms(),
                imports.alarmTopic(), service, traffic.loadBalanced()));
        if (!alarms.rollbackAlarmNames().equals(rollbackAlarmNames)) {
            throw new IllegalStateException("service " + serviceName + " rolls back on " + rollbackAlarmNames
                    + " but has the alarms " + alarms.rollbackAlarmNames());
        }
        new ServiceDashboard(this, "Dashboard", new ServiceDashboard.Props(environment.name(), serviceName, alarms));
        // The first tasks write their log streams with the execution role; without this order CloudFormation may
        // start the service before the role's policy exists, and those tasks fail to start.
        service.getNode().addDependency(taskDefinition.executionRolePolicy());
        this.autoScaling = new ServiceAutoScaling(this, "Scaling", new ServiceAutoScaling.Props(config.scaling(), service,
                traffic.loadBalanced()));
        deployment.afterService(this, new DeployedService(service, settings, traffic.loadBalanced(), taskDefinition.logGroup(),
                autoScaling.target()));
        ServiceOutputs.add(this, new ServiceOutputs.Props(traffic.url(), taskDefinition.logGroup(), imports.cluster(), service));
    }

    /** The task definition. */
    public ServiceTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** How requests reach the service: an {@link AlbRoute}, an {@link NlbListener}, both, or none for a worker. */
    public TrafficBinding traffic() {
        return traffic;
    }

    /** The ECS service. */
    public BaseService service() {
        return service;
    }

    /** The service's alarms. */
    public ServiceAlarms alarms() {
        return alarms;
    }

    /** The autoscaling. */
    public ServiceAutoScaling autoScaling() {
        return autoScaling;
    }
}
