package dev.ecsplatform.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsplatform.config.EnvironmentConfig;
import dev.ecsplatform.loadbalancing.ImportedLoadBalancer;
import dev.ecsplatform.loadbalancing.ImportedNetworkLoadBalancer;
import dev.ecsplatform.testkit.BuiltApp;
import dev.ecsplatform.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ClusterAttributes;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.DeploymentStrategy;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerAttributes;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancerAttributes;
import software.amazon.awscdk.services.sns.Topic;

/**
 * During a blue/green kind of deployment a way in has two target groups: the load-balancer alarms cover both, under
 * the same names. The services here are built by hand with {@link TrafficShift#ECS}, the shift the ECS-native
 * strategies ask for, on an ALB route (with a test listener) and on an NLB listener.
 */
class ServiceAlarmsBlueGreenTest {

    private static final String ALB = "app/shared/0123456789abcdef";
    private static final String NLB = "net/edge/0123456789abcdef";

    private static final Template TEMPLATE = build();

    private static Template build() {
        EnvironmentConfig dev = Fixtures.stage("dev").environment();
        EnvironmentConfig edge = Fixtures.stage("edge").environment();
        Stack stack = new Stack(BuiltApp.newApp(), "BlueGreen", StackProps.builder()
                .env(Environment.builder().account(Fixtures.ACCOUNT).region("eu-west-1").build()).build());
        IVpc vpc = Vpc.fromVpcAttributes(stack, "Vpc", VpcAttributes.builder()
                .vpcId("vpc-0123456789abcdef0").vpcCidrBlock("10.0.0.0/16")
                .availabilityZones(List.of("eu-west-1a", "eu-west-1b"))
                .privateSubnetIds(List.of("subnet-0123456789abcdef0", "subnet-0123456789abcdef1"))
                .privateSubnetRouteTableIds(List.of("rtb-0123456789abcdef0", "rtb-0123456789abcdef1"))
                .build());
        ICluster cluster = Cluster.fromClusterAttributes(stack, "Cluster", ClusterAttributes.builder()
                .clusterName("cluster").vpc(vpc).securityGroups(List.of()).build());
        ISecurityGroup albGroup = SecurityGroup.fromSecurityGroupId(stack, "AlbGroup", "sg-0123456789abcdef0");
        ImportedLoadBalancer alb = new ImportedLoadBalancer(
                ApplicationListener.fromApplicationListenerAttributes(stack, "Listener", ApplicationListenerAttributes.builder()
                        .listenerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/0123456789abcdef/1")
                        .securityGroup(albGroup).build()),
                Optional.of(ApplicationListener.fromApplicationListenerAttributes(stack, "TestListener", ApplicationListenerAttributes.builder()
                        .listenerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/shared/0123456789abcdef/2")
                        .securityGroup(albGroup).build())),
                false, albGroup, albGroup, "shared.example.com", "Z0123456789", ALB);
        ISecurityGroup nlbGroup = SecurityGroup.fromSecurityGroupId(stack, "NlbGroup", "sg-0123456789abcdef1");
        ImportedNetworkLoadBalancer nlb = new ImportedNetworkLoadBalancer(
                NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", NetworkLoadBalancerAttributes.builder()
                        .loadBalancerArn("arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/edge/0123456789abcdef")
                        .loadBalancerSecurityGroups(List.of("sg-0123456789abcdef1")).vpc(vpc).build()),
                nlbGroup, nlbGroup, "edge.example.com", NLB);

        FargateService web = service(stack, "Web", cluster);
        AlbRoute route = new AlbRoute(stack, "Route", new AlbRoute.Props(dev.services().get("web").traffic().alb().orElseThrow(),
                60, 8080, vpc, alb));
        route.attach(web, taskGroup(stack, "WebTasks", vpc), TrafficShift.ECS);
        new ServiceAlarms(stack, "WebAlarms", new ServiceAlarms.Props("dev", "web", dev.services().get("web").alarms(),
                Topic.fromTopicArn(stack, "Topic", "arn:aws:sns:eu-west-1:123456789012:alarms"), web, route.loadBalanced()));

        FargateService tcp = service(stack, "Tcp", cluster);
        NlbListener listener = new NlbListener(stack, "NetworkRoute", new NlbListener.Props(
                edge.services().get("api").traffic().nlb().orElseThrow(), 8080, 60, List.of("10.0.0.0/16"), vpc, nlb));
        listener.attach(tcp, taskGroup(stack, "TcpTasks", vpc), TrafficShift.ECS);
        new ServiceAlarms(stack, "TcpAlarms", new ServiceAlarms.Props("dev", "tcp", dev.services().get("web").alarms(),
                Topic.fromTopicArn(stack, "TcpTopic", "arn:aws:sns:eu-west-1:123456789012:alarms"), tcp, listener.loadBalanced()));
        return Template.fromStack(stack);
    }

    private static FargateService service(Stack stack, String id, ICluster cluster) {
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, id + "Task").build();
        task.addContainer("app", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx-unprivileged:1.27-alpine"))
                .portMappings(List.of(PortMapping.builder().containerPort(8080).build()))
                .build());
        return FargateService.Builder.create(stack, id).cluster(cluster).taskDefinition(task)
                .deploymentStrategy(DeploymentStrategy.BLUE_GREEN)
                .minHealthyPercent(100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .build();
    }

    private static SecurityGroup taskGroup(Stack stack, String id, IVpc vpc) {
        return SecurityGroup.Builder.create(stack, id).vpc(vpc).description("Tasks").build();
    }

    @Test
    void theFiveXxRateSumsErrorsAndRequestsOverBothTargetGroups() {
        TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "dev-web-5xx-rate",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("ReturnData", true, "Expression", "IF((FILL(r0primary, 0) + FILL(r0alternate, 0)) >= 10, "
                                + "100 * (FILL(e0primary, 0) + FILL(e0alternate, 0)) / (FILL(r0primary, 0) + FILL(r0alternate, 0)), 0)")),
                        Match.objectLike(Map.of("Id", "e0alternate", "MetricStat", Match.objectLike(Map.of("Metric", Match.objectLike(Map.of(
                                "Dimensions", List.of(Map.of("Name", "LoadBalancer", "Value", ALB), Map.of("Name", "TargetGroup",
                                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^RouteAlternateTargetGroup"),
                                                "TargetGroupFullName"))))))))))))));
    }

    @Test
    void theP99LatencyIsTheSlowerOfTheTwoGroups() {
        TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "dev-web-p99-latency",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression",
                        "IF((FILL(r0primary, 0) + FILL(r0alternate, 0)) >= 10, 1000 * IF(p0primary >= p0alternate, p0primary, p0alternate), 0)"))))));
    }

    @Test
    void unhealthyAndHealthyHostsCountBothGroupsOnAnAlbAndAnNlb() {
        TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "dev-web-unhealthy-hosts",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("ReturnData", true,
                        "Expression", "(FILL(u0primary, 0) + FILL(u0alternate, 0))"))))));
        TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "dev-tcp-unhealthy-hosts",
                "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("ReturnData", true, "Expression", "(FILL(u0primary, 0) + FILL(u0alternate, 0))")),
                        Match.objectLike(Map.of("Id", "u0alternate", "MetricStat", Match.objectLike(Map.of("Metric", Match.objectLike(Map.of(
                                "Namespace", "AWS/NetworkELB",
                                "Dimensions", List.of(Map.of("Name", "LoadBalancer", "Value", NLB), Map.of("Name", "TargetGroup",
                                        "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^NetworkRouteAlternateTargetGroup"),
                                                "TargetGroupFullName"))))))))))))));
        TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "dev-tcp-no-healthy-hosts",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "healthy",
                        "Expression", "(FILL(h0primary, 0) + FILL(h0alternate, 0))"))))));
    }

    @Test
    void theNamesAreThoseOfARollingServiceSoADeploymentNamesThemWhateverItsKind() {
        List<String> names = TEMPLATE.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(alarm -> (String) ((Map<?, ?>) alarm.get("Properties")).get("AlarmName")).toList();
        assertThat(names).contains("dev-web-5xx-rate", "dev-web-p99-latency", "dev-web-unhealthy-hosts", "dev-tcp-unhealthy-hosts");
        assertThat(names).hasSize(12);
    }
}
