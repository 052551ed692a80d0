package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.CodeDeployCanaryConfig;
import dev.ecsplatform.config.CodeDeployDeploymentConfig;
import dev.ecsplatform.config.LoadBalancerType;
import dev.ecsplatform.testkit.BuiltApp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentControllerType;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.applicationautoscaling.ScalableTarget;
import software.amazon.awscdk.services.applicationautoscaling.ServiceNamespace;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;

/** The CodeDeploy binding on its own: what it asks of the ECS service, and where the rollback alarms go. */
class CodeDeployDeploymentTest {

    private static final CodeDeployDeploymentConfig CONFIG = new CodeDeployDeploymentConfig(new CodeDeployCanaryConfig(10, 5), 5);

    @Test
    void asksForTheCodeDeployControllerWithoutCircuitBreakerOrEcsAlarmsEvenWhenAlarmsAreGiven() {
        CodeDeployDeployment binding = new CodeDeployDeployment(CONFIG, List.of("prod-web-5xx"));

        ServiceDeploymentOptions options = binding.serviceOptions();

        assertThat(binding.trafficShift()).isEqualTo(TrafficShift.CODE_DEPLOY);
        assertThat(options.controller()).isEqualTo(DeploymentControllerType.CODE_DEPLOY);
        assertThat(options.circuitBreaker()).isEmpty();
        assertThat(options.rollbackAlarmNames()).isEmpty();
        assertThat(options.strategy()).isEmpty();
        assertThat(options.minHealthyPercent()).isEqualTo(100);
        assertThat(options.maxPercent()).isEqualTo(200);
    }

    @Test
    void theRollbackAlarmsGoOnTheDeploymentGroupAndStopAndRollBackADeployment() {
        Template template = Template.fromStack(stackWith(List.of("prod-web-5xx", "prod-web-p99")));

        template.hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Map.of(
                "AlarmConfiguration", Map.of("Enabled", true, "Alarms", List.of(Map.of("Name", "prod-web-5xx"), Map.of("Name", "prod-web-p99"))),
                "AutoRollbackConfiguration", Map.of("Enabled", true,
                        "Events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_REQUEST", "DEPLOYMENT_STOP_ON_ALARM"))));
        template.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration", Map.of(
                "MaximumPercent", 200, "MinimumHealthyPercent", 100)));
        template.hasResourceProperties("AWS::ECS::Service", Map.of("DeploymentConfiguration",
                Match.objectLike(Map.of("DeploymentCircuitBreaker", Match.absent(), "Alarms", Match.absent()))));
    }

    /** A service made as the stack makes it, with the binding's options, behind two target groups of an imported listener. */
    private static Stack stackWith(List<String> alarmNames) {
        Stack stack = new Stack(BuiltApp.newApp(), "Bare");
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(0).build();
        Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc).enableFargateCapacityProviders(true).build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "Task").family("bare-web").build();
        task.addContainer("web", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("nginx:1.27"))
                .portMappings(List.of(PortMapping.builder().containerPort(8080).build()))
                .build());
        SecurityGroup group = SecurityGroup.Builder.create(stack, "Group").vpc(vpc).description("Tasks").build();
        CodeDeployDeployment binding = new CodeDeployDeployment(CONFIG, alarmNames);
        ComputeBinding.ServiceSettings settings = new ComputeBinding.ServiceSettings(cluster,
                SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build(), true, task, List.of(group), binding,
                Optional.empty(), Optional.empty());
        BaseService service = new FargateCompute(List.of()).newService(stack, "CodeDeployService", settings);
        ApplicationTargetGroup primary = targetGroup(stack, "Primary", vpc);
        ApplicationTargetGroup alternate = targetGroup(stack, "Alternate", vpc);
        service.attachToApplicationTargetGroup(primary);
        binding.afterService(stack, new DeployedService(service, settings, List.of(new LoadBalancedTraffic(
                LoadBalancerType.APPLICATION, "app/bare/0123456789abcdef", primary, Optional.of(alternate),
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/bare/0123456789abcdef/0123456789abcdef",
                Optional.empty())), LogGroup.Builder.create(stack, "Logs").build(),
                ScalableTarget.Builder.create(stack, "Target").serviceNamespace(ServiceNamespace.ECS)
                        .scalableDimension("ecs:service:DesiredCount").resourceId("service/bare/web").minCapacity(1).maxCapacity(2).build()));
        return stack;
    }

    private static ApplicationTargetGroup targetGroup(Stack stack, String id, Vpc vpc) {
        return ApplicationTargetGroup.Builder.create(stack, id).vpc(vpc).targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP).port(80).build();
    }
}
