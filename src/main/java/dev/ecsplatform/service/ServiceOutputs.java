package dev.ecsplatform.service;

import dev.ecsplatform.config.RouteConfig;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The outputs an operator of a service needs, with fixed keys at the stack's top level so that
 * {@code aws cloudformation describe-stacks --stack-name <env>-service-<name> --query "Stacks[0].Outputs"}
 * reads the same for every service (docs/operations.md). They are not exported: nothing imports them.
 */
public final class ServiceOutputs {

    /**
     * Inputs of the outputs.
     *
     * @param route        where the service is reached on its load balancer
     * @param loadBalancerDnsName the load balancer's DNS name
     * @param logGroup     the log group of the service's containers
     * @param cluster      the cluster the service runs in
     * @param service      the ECS service
     */
    public record Props(RouteConfig route, String loadBalancerDnsName, ILogGroup logGroup, ICluster cluster, FargateService service) {
    }

    private ServiceOutputs() {
    }

    /** Adds the outputs to {@code stack}. */
    public static void add(Stack stack, Props props) {
        CfnOutput.Builder.create(stack, "ServiceUrl")
                .description("Where the service answers: its first host (or the load balancer's DNS name) and first path")
                .value("http://" + (props.route().hosts().isEmpty() ? props.loadBalancerDnsName() : props.route().hosts().get(0))
                        + pathPrefix(props.route().paths().get(0)))
                .build();
        CfnOutput.Builder.create(stack, "LogGroupName")
                .description("Container logs: aws logs tail <name> --follow")
                .value(props.logGroup().getLogGroupName())
                .build();
        CfnOutput.Builder.create(stack, "ClusterName").value(props.cluster().getClusterName()).build();
        CfnOutput.Builder.create(stack, "ServiceName").value(props.service().getServiceName()).build();
    }

    /** {@code /orders/*} becomes {@code /orders/}: the part of a path pattern before its first wildcard. */
    static String pathPrefix(String pathPattern) {
        int wildcard = pathPattern.replace('?', '*').indexOf('*');
        return wildcard < 0 ? pathPattern : pathPattern.substring(0, wildcard);
    }
}
