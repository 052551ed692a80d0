package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.CapacityProvider;
import dev.ecsplatform.config.CodeDeployCanaryConfig;
import dev.ecsplatform.config.CodeDeployDeploymentConfig;
import dev.ecsplatform.config.CodeDeployLinearConfig;
import dev.ecsplatform.config.CodeDeployTrafficShiftConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.EcsApplication;
import software.amazon.awscdk.services.codedeploy.EcsBlueGreenDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentGroup;
import software.amazon.awscdk.services.codedeploy.IEcsDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.TimeBasedCanaryTrafficRoutingProps;
import software.amazon.awscdk.services.codedeploy.TimeBasedLinearTrafficRoutingProps;
import software.amazon.awscdk.services.codedeploy.TrafficRouting;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.CfnService;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.interfaces.elasticloadbalancingv2.IListenerRef;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkListener;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.stepfunctions.CfnStateMachine;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.customresources.LogOptions;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.CfnElement;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What a CodeDeploy blue/green service needs beyond its ECS service (ADR 0013): the CodeDeploy application, the
 * deployment group over both target groups and the production and test listeners, the deployment config, and the
 * {@code Deployment} custom resource whose properties are everything a CodeDeploy deployment carries in its AppSpec
 * (task definition, container, network configuration, capacity strategy, platform version).
 *
 * <p>A new image is a new task definition revision, so the resource's {@code TaskDefinition} property changes and
 * CloudFormation calls its handler, which starts a deployment with that AppSpec and waits for CodeDeploy to finish;
 * the service itself names only the task definition family (aws-cdk #22295), so CloudFormation never sends the
 * change to ECS, which refuses it under this controller. The listeners and target groups do not change either, so a
 * stack update never undoes the traffic state a deployment left (aws-cdk #36649).
 */
public final class CodeDeployBlueGreen extends Construct {

    /**
     * @param config             the deployment settings
     * @param rollbackAlarmNames the alarms that stop and roll back a deployment
     * @param deployed           the service, what it was made from, and its one way in through a load balancer
     */
    public record Props(CodeDeployDeploymentConfig config, List<String> rollbackAlarmNames, DeployedService deployed) {
    }

    /**
     * The handler's source on the class path, packaged as the directory it is: no bundling step, no network at synth.
     * A class-path resource rather than a path from the working directory, which differs between the CLI and tests.
     */
    static final String HANDLER_RESOURCE = "/lambda/codedeploy-deployment/";
    private static final String LAMBDA_BASIC_EXECUTION =
            "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]";
    static final List<String> HANDLER_FILES = List.of("index.mjs", "deployment.mjs", "shape.mjs");

    private final EcsApplication application;
    private final EcsDeploymentGroup deploymentGroup;
    private final IEcsDeploymentConfig deploymentConfig;
    private final DeployedService deployed;

    public CodeDeployBlueGreen(Construct scope, String id, Props props) {
        super(scope, id);
        this.deployed = props.deployed();
        if (deployed.traffic().size() != 1 || deployed.traffic().get(0).alternate().isEmpty()) {
            // EnvironmentRules rejects every other shape with a message; this guards the wiring.
            throw new IllegalStateException("CodeDeploy needs exactly one way in with an alternate target group, got " + deployed.traffic());
        }
        LoadBalancedTraffic way = deployed.traffic().get(0);
        BaseService service = deployed.service();

        this.application = EcsApplication.Builder.create(this, "Application").build();
        this.deploymentConfig = deploymentConfig(props.config().trafficShift());
        List<IAlarm> alarms = IntStream.range(0, props.rollbackAlarmNames().size())
                .mapToObj(i -> Alarm.fromAlarmName(this, "RollbackAlarm" + i, props.rollbackAlarmNames().get(i)))
                .toList();
        EcsBlueGreenDeploymentConfig.Builder blueGreen = EcsBlueGreenDeploymentConfig.builder()
                .blueTargetGroup(way.primary())
                .greenTargetGroup(way.alternate().orElseThrow())
                .listener(listener("ProductionListener", way.productionListenerArn()))
                .terminationWaitTime(Duration.minutes(props.config().terminationWaitMinutes()));
        way.testListenerArn().ifPresent(arn -> blueGreen.testListener(listener("TestListener", arn)));
        // The group's role gets AWSCodeDeployRoleForECS, CDK's and AWS's role for ECS deployments.
        this.deploymentGroup = EcsDeploymentGroup.Builder.create(this, "DeploymentGroup")
                .application(application)
                .service(service)
                .blueGreenDeploymentConfig(blueGreen.build())
                .deploymentConfig(deploymentConfig)
                .alarms(alarms)
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(!alarms.isEmpty())
                        .build())
                .build();
        Acknowledgments.acknowledge(deploymentGroup.getRole(), "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AWSCodeDeployRoleForECS]", "AWSCodeDeployRoleForECS is AWS's "
                + "managed policy for CodeDeploy's ECS blue/green deployments, kept current by AWS as ECS and ELB add "
                + "APIs; only the CodeDeploy service may assume this role, and only for this deployment group.");

        Map<String, Object> appSpec = appSpecProperties(props, service);
        newDeploymentResource(service, appSpec);
        freezeServiceShape(service, appSpec);
    }

    /**
     * Keeps the properties ECS refuses to update under CODE_DEPLOY (ECS UpdateService: task definition, network
     * configuration, load balancers, capacity strategy) at their creation-time values in the service's template: the
     * service reads them by {@code Fn::GetAtt} from a {@code Custom::CodeDeployServiceShape} whose handler answers
     * every update with the values it was created with. A config change of one of them then changes the deployment
     * resource (which CodeDeploy deploys) but not what the service resolves to, so CloudFormation sends nothing to ECS.
     * The platform version is LATEST, constant, and stays as it is.
     */
    private CustomResource freezeServiceShape(BaseService service, Map<String, Object> appSpec) {
        Function handler = Function.Builder.create(this, "ShapeHandler")
                .runtime(Runtime.NODEJS_24_X)
                .code(Code.fromAsset(handlerDirectory().toString()))
                .handler("shape.onEvent")
                .timeout(Duration.seconds(30))
                .memorySize(128)
                .description("Keeps the creation-time values of what ECS refuses to update on a CODE_DEPLOY service")
                .logGroup(deployed.logGroup())
                .build();
        Acknowledgments.acknowledge(handler, LAMBDA_BASIC_EXECUTION, "AWSLambdaBasicExecutionRole lets the shape "
                + "handler write only its own CloudWatch log streams; it calls no AWS API and has no other permission.");
        Acknowledgments.acknowledge(handler, "NIST.800.53.R5-LambdaConcurrency", "Only CloudFormation invokes it, once "
                + "per stack operation through the provider; there is no traffic to limit.");
        Acknowledgments.acknowledge(handler, "NIST.800.53.R5-LambdaDLQ", "Invoked synchronously by the custom resource "
                + "provider, which reports every failure to CloudFormation; a dead-letter queue would never receive an event.");
        Acknowledgments.acknowledge(handler, "NIST.800.53.R5-LambdaInsideVPC", "It computes its answer from its event "
                + "alone and calls no service; in the VPC it would only need network interfaces for nothing.");
        Provider provider = Provider.Builder.create(this, "ShapeProvider")
                .onEventHandler(handler)
                .logGroup(deployed.logGroup())
                .build();
        acknowledgeShapeProvider(provider, handler);
        Map<String, Object> properties = new LinkedHashMap<>(appSpec);
        properties.keySet().retainAll(List.of("ContainerName", "ContainerPort", "Subnets", "SecurityGroups",
                "CapacityProviderStrategy"));
        properties.put("Family", service.getTaskDefinition().getFamily());
        CustomResource shape = CustomResource.Builder.create(this, "ServiceShape")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::CodeDeployServiceShape")
                .properties(properties)
                .build();
        CfnService cfn = (CfnService) service.getNode().getDefaultChild();
        cfn.addPropertyOverride("TaskDefinition", shape.getAttString("Family"));
        cfn.addPropertyOverride("LoadBalancers.0.ContainerName", shape.getAttString("ContainerName"));
        cfn.addPropertyOverride("LoadBalancers.0.ContainerPort", shape.getAttString("ContainerPort"));
        cfn.addPropertyOverride("NetworkConfiguration.AwsvpcConfiguration.Subnets", Fn.split(",", shape.getAttString("Subnets")));
        cfn.addPropertyOverride("NetworkConfiguration.AwsvpcConfiguration.SecurityGroups",
                Fn.split(",", shape.getAttString("SecurityGroups")));
        // AssignPublicIp stays literal: Control Tower's CT.ECS.PR.9 reads it from the template, and it follows the
        // environment's egress (public IPs are not allowed in prod), not the service's config.
        // Both Fargate providers, always: the number of entries is part of the template and must not follow the config.
        // A weight of 0 and base of 0 places no task on a provider.
        cfn.addPropertyOverride("CapacityProviderStrategy", List.of(
                Map.of("CapacityProvider", CapacityProvider.FARGATE.ecsName(), "Weight", shape.getAttString("FargateWeight"),
                        "Base", shape.getAttString("FargateBase")),
                Map.of("CapacityProvider", CapacityProvider.FARGATE_SPOT.ecsName(), "Weight", shape.getAttString("FargateSpotWeight"),
                        "Base", shape.getAttString("FargateSpotBase"))));
        return shape;
    }

    /** The findings on the shape's provider framework: one function that invokes the shape handler. */
    private static void acknowledgeShapeProvider(Provider provider, Function handler) {
        String framework = "aws-cdk-lib's custom resource provider framework: ";
        Acknowledgments.acknowledge(provider, LAMBDA_BASIC_EXECUTION, framework + "AWSLambdaBasicExecutionRole lets its "
                + "function write only its CloudWatch log streams; it invokes only this service's shape handler.");
        Stack stack = Stack.of(provider);
        String logicalId = (String) stack.resolve(stack.getLogicalId((CfnElement) handler.getNode().getDefaultChild()));
        Acknowledgments.acknowledge(provider, "AwsSolutions-IAM5[Resource::<" + logicalId + ".Arn>:*]", framework
                + "the wildcard is the versions (:*) of this service's shape handler, which it invokes and nothing else.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-IAMNoInlinePolicy", framework + "CDK writes its grant "
                + "inline, scoped to invoking this service's shape handler; the review report requires approval when it widens.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaConcurrency", framework + "only CloudFormation "
                + "invokes it, once per stack operation; there is no traffic to limit.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaDLQ", framework + "invoked by CloudFormation, which "
                + "gets every failure as the resource's status; a dead-letter queue would never receive an event.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaInsideVPC", framework + "it calls only Lambda and the "
                + "CloudFormation response URL and handles no data of the service.");
    }

    /** A plan CodeDeploy predefines by its name; any other as a deployment config of this service's own. */
    private IEcsDeploymentConfig deploymentConfig(CodeDeployTrafficShiftConfig shift) {
        if (shift.predefinedName().isPresent()) {
            return EcsDeploymentConfig.fromEcsDeploymentConfigName(this, "Config", shift.predefinedName().get());
        }
        TrafficRouting routing;
        if (shift instanceof CodeDeployCanaryConfig canary) {
            routing = TrafficRouting.timeBasedCanary(TimeBasedCanaryTrafficRoutingProps.builder()
                    .percentage(canary.percent()).interval(Duration.minutes(canary.minutes())).build());
        } else if (shift instanceof CodeDeployLinearConfig linear) {
            routing = TrafficRouting.timeBasedLinear(TimeBasedLinearTrafficRoutingProps.builder()
                    .percentage(linear.percent()).interval(Duration.minutes(linear.minutes())).build());
        } else {
            throw new IllegalStateException("no deployment config for " + shift);
        }
        return EcsDeploymentConfig.Builder.create(this, "Config").trafficRouting(routing).build();
    }

    /** The deployment group reads only the listener's ARN, whichever kind of load balancer it belongs to. */
    private IListenerRef listener(String id, String arn) {
        return NetworkListener.fromNetworkListenerArn(this, id, arn);
    }

    private CustomResource newDeploymentResource(BaseService service, Map<String, Object> appSpec) {
        TaskDefinition taskDefinition = service.getTaskDefinition();
        Function onEvent = handler("OnEvent", "index.onEvent", Duration.minutes(14),
                "Starts a CodeDeploy deployment when the service's task definition or AppSpec settings change");
        Function isComplete = handler("IsComplete", "index.isComplete", Duration.minutes(1),
                "Reports whether the CodeDeploy deployment of the service has finished");

        String groupArn = deploymentGroup.getDeploymentGroupArn();
        for (Function function : List.of(onEvent, isComplete)) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("codedeploy:GetDeployment", "codedeploy:ListDeployments"))
                    .resources(List.of(groupArn))
                    .build());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ecs:DescribeServices"))
                    .resources(List.of(service.getServiceArn()))
                    .build());
            // Suspending and resuming dynamic scale-in: Application Auto Scaling has no resource-level permission for
            // DescribeScalableTargets, and a scalable target's ARN holds a generated ID the template cannot name.
            // RegisterScalableTarget makes Application Auto Scaling check the ECS service through the caller.
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("application-autoscaling:DescribeScalableTargets", "application-autoscaling:RegisterScalableTarget"))
                    .resources(List.of("*"))
                    .build());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ecs:UpdateService"))
                    .resources(List.of(service.getServiceArn()))
                    .build());
        }
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("codedeploy:CreateDeployment", "codedeploy:StopDeployment"))
                .resources(List.of(groupArn))
                .build());
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("codedeploy:GetDeploymentConfig"))
                .resources(List.of(deploymentConfig.getDeploymentConfigArn()))
                .build());
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("codedeploy:RegisterApplicationRevision", "codedeploy:GetApplicationRevision"))
                .resources(List.of(application.getApplicationArn()))
                .build());
        List<String> passedRoles = new ArrayList<>(List.of(taskDefinition.getTaskRole().getRoleArn()));
        if (taskDefinition.getExecutionRole() != null) {
            passedRoles.add(taskDefinition.getExecutionRole().getRoleArn());
        }
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(passedRoles)
                .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                .build());

        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(onEvent)
                .isCompleteHandler(isComplete)
                .queryInterval(Duration.seconds(30))
                .totalTimeout(Duration.minutes(CodeDeployDeploymentConfig.PROVIDER_TIMEOUT_MINUTES))
                .logGroup(deployed.logGroup())
                .disableWaiterStateMachineLogging(false)
                .waiterStateMachineLogOptions(LogOptions.builder().destination(deployed.logGroup()).level(LogLevel.ERROR).build())
                .build();
        // Control Tower's CT.STEPFUNCTIONS.PR.1 and PR.2 hold in prod too: the framework's waiter logs its errors to the
        // service's log group and is traced; X-Ray needs these four actions, which take no resource.
        IConstruct waiter = provider.getNode().findChild("waiter-state-machine");
        ((CfnStateMachine) waiter.getNode().getDefaultChild()).setTracingConfiguration(
                CfnStateMachine.TracingConfigurationProperty.builder().enabled(true).build());
        ((IRole) waiter.getNode().findChild("Role")).addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                        "xray:GetSamplingTargets"))
                .resources(List.of("*"))
                .build());

        acknowledgeHandler(onEvent);
        acknowledgeHandler(isComplete);
        acknowledgeProvider(provider, onEvent, isComplete);

        CustomResource resource = CustomResource.Builder.create(this, "Deployment")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::CodeDeployDeployment")
                .properties(appSpec)
                .build();
        // After the group exists. The handler suspends and resumes the scalable target's scale-in (ADR 0013): CloudFormation
        // finishes a change of the target (which registers it again) before a deployment starts, and a new target exists by then.
        resource.getNode().addDependency(deploymentGroup, deployed.scalableTarget());
        return resource;
    }

    /**
     * Everything a CodeDeploy ECS AppSpec carries, plus where to deploy it: the deployment resource's properties, so that
     * a change of any of them starts a deployment; the service shape keeps the creation-time values of some of them.
     */
    private Map<String, Object> appSpecProperties(Props props, BaseService service) {
        TaskDefinition taskDefinition = service.getTaskDefinition();
        CfnService cfn = (CfnService) service.getNode().getDefaultChild();
        ComputeBinding.ServiceSettings settings = props.deployed().settings();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ApplicationName", application.getApplicationName());
        properties.put("DeploymentGroupName", deploymentGroup.getDeploymentGroupName());
        properties.put("Cluster", service.getCluster().getClusterName());
        properties.put("Service", service.getServiceName());
        properties.put("TaskDefinition", taskDefinition.getTaskDefinitionArn());
        properties.put("ContainerName", taskDefinition.getDefaultContainer().getContainerName());
        properties.put("ContainerPort", taskDefinition.getDefaultContainer().getContainerPort());
        properties.put("Subnets", settings.cluster().getVpc().selectSubnets(settings.subnets()).getSubnetIds());
        properties.put("SecurityGroups", settings.securityGroups().stream().map(ISecurityGroup::getSecurityGroupId).toList());
        properties.put("AssignPublicIp", settings.assignPublicIp() ? "ENABLED" : "DISABLED");
        properties.put("CapacityProviderStrategy", capacityProviderStrategy(cfn));
        properties.put("PlatformVersion", cfn.getPlatformVersion());
        return properties;
    }

    /** The strategy the service was made with, in the AppSpec's shape (the same names as the service's). */
    private static List<Map<String, Object>> capacityProviderStrategy(CfnService cfn) {
        List<Map<String, Object>> strategy = new ArrayList<>();
        Object items = Stack.of(cfn).resolve(cfn.getCapacityProviderStrategy());
        if (items instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> entry = (Map<?, ?>) item;
                Map<String, Object> rendered = new LinkedHashMap<>();
                rendered.put("CapacityProvider", entry.get("capacityProvider"));
                rendered.put("Weight", entry.get("weight") == null ? 0 : entry.get("weight"));
                rendered.put("Base", entry.get("base") == null ? 0 : entry.get("base"));
                strategy.add(rendered);
            }
        }
        return strategy;
    }

    private Function handler(String id, String entry, Duration timeout, String description) {
        return Function.Builder.create(this, id)
                .runtime(Runtime.NODEJS_24_X)
                .code(Code.fromAsset(handlerDirectory().toString()))
                .handler(entry)
                .timeout(timeout)
                .memorySize(256)
                .description(description)
                .logGroup(deployed.logGroup())
                .build();
    }

    /** The findings on the two handler functions, their roles and policies, each with its compensating control. */
    private static void acknowledgeHandler(Function function) {
        Acknowledgments.acknowledge(function, LAMBDA_BASIC_EXECUTION, "AWSLambdaBasicExecutionRole lets the handler write "
                + "only its own CloudWatch log streams; every AWS API it calls is granted by a statement of its own policy, "
                + "scoped to this service's deployment group, config, application, ECS service and task roles.");
        Acknowledgments.acknowledge(function, "AwsSolutions-IAM5[Resource::*]", "Only DescribeScalableTargets and RegisterScalableTarget "
                + "are on *: Application Auto Scaling has no resource-level permission for the first, and the scalable "
                + "target ARN of the second holds a generated ID; the handler names this service's scalable target only.");
        Acknowledgments.acknowledge(function, "NIST.800.53.R5-IAMNoInlinePolicy", "CDK writes the handler's grants "
                + "inline, each scoped to this service's deployment group, ECS service and task roles; a managed policy "
                + "could be attached elsewhere. The review report requires approval when this access widens.");
        Acknowledgments.acknowledge(function, "NIST.800.53.R5-LambdaConcurrency", "Only CloudFormation invokes it, once "
                + "per stack operation and then every 30 seconds through the provider; there is no traffic to limit.");
        Acknowledgments.acknowledge(function, "NIST.800.53.R5-LambdaDLQ", "Invoked synchronously by the custom resource "
                + "provider, which reports every failure to CloudFormation and so rolls the stack back; an asynchronous "
                + "dead-letter queue would never receive an event.");
        Acknowledgments.acknowledge(function, "NIST.800.53.R5-LambdaInsideVPC", "It calls only the CodeDeploy, ECS and "
                + "Application Auto Scaling APIs and handles no data of the service; in the VPC it would need NAT or three "
                + "more interface endpoints for nothing it reaches there.");
    }

    /** The findings on aws-cdk-lib's provider framework (its functions and waiter state machine). */
    private static void acknowledgeProvider(Provider provider, Function onEvent, Function isComplete) {
        String framework = "aws-cdk-lib's custom resource provider framework: ";
        Acknowledgments.acknowledge(provider, LAMBDA_BASIC_EXECUTION, framework + "AWSLambdaBasicExecutionRole lets its "
                + "functions write only their CloudWatch log streams; they invoke only this service's two handlers.");
        Acknowledgments.acknowledge(provider, "AwsSolutions-IAM5[Resource::*]", framework + "its waiter state machine "
                + "delivers its error log (CloudWatch Logs log delivery takes no resource) and its X-Ray traces (X-Ray "
                + "takes no resource); neither grants access to any data.");
        Stack stack = Stack.of(provider);
        for (IConstruct function : List.of(onEvent, isComplete, provider.getNode().findChild("framework-isComplete"),
                provider.getNode().findChild("framework-onTimeout"))) {
            String logicalId = (String) stack.resolve(stack.getLogicalId((CfnElement) function.getNode().getDefaultChild()));
            Acknowledgments.acknowledge(provider, "AwsSolutions-IAM5[Resource::<" + logicalId + ".Arn>:*]", framework
                    + "the wildcard is the versions (:*) of a function of this provider, which it invokes and nothing else.");
        }
        Acknowledgments.acknowledge(provider, "AwsSolutions-SF1", framework + "its waiter state machine logs ERROR "
                + "events, not ALL: it only re-invokes isComplete every 30 seconds, and the handler logs every decision.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-IAMNoInlinePolicy", framework + "CDK writes its grants "
                + "inline, scoped to invoking this service's handlers; the review report requires approval when they widen.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaConcurrency", framework + "only CloudFormation and "
                + "the waiter invoke it, once per stack operation and poll; there is no traffic to limit.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaDLQ", framework + "invoked by CloudFormation and its "
                + "waiter, which report every failure to CloudFormation; a dead-letter queue would never receive an event.");
        Acknowledgments.acknowledge(provider, "NIST.800.53.R5-LambdaInsideVPC", framework + "it calls only Lambda, Step "
                + "Functions and the CloudFormation response URL and handles no data of the service.");
    }

    /** The handler's directory: where the class path has it, or a copy when the class path is a jar. */
    static Path handlerDirectory() {
        URL index = CodeDeployBlueGreen.class.getResource(HANDLER_RESOURCE + HANDLER_FILES.get(0));
        if (index == null) {
            throw new IllegalStateException("the CodeDeploy handler is missing from the class path at " + HANDLER_RESOURCE);
        }
        try {
            if (index.getProtocol().equals("file")) {
                return Path.of(index.toURI()).getParent();
            }
            Path copy = Files.createTempDirectory("codedeploy-handler");
            for (String file : HANDLER_FILES) {
                try (InputStream in = CodeDeployBlueGreen.class.getResourceAsStream(HANDLER_RESOURCE + file)) {
                    Files.copy(in, copy.resolve(file));
                }
            }
            return copy;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the CodeDeploy handler: " + e.getMessage(), e);
        }
    }
}
