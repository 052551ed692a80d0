package dev.ecsplatform.service;

import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The outputs an operator of a service needs, with fixed keys at the stack's top level so that
 * {@code aws cloudformation describe-stacks --stack-name <env>-service-<name> --query "Stacks[0].Outputs"}
 * reads the same for every service (docs/operations.md); a worker has no {@code ServiceUrl}. They are not
 * exported: nothing imports them.
 */
public final class ServiceOutputs {

    /**
     * Inputs of the outputs.
     *
     * @param url      where the service answers, if it takes requests
     * @param logGroup the log group of the service's containers
     * @param cluster  the cluster the service runs in
     * @param service  the ECS service
     */
    public record Props(Optional<String> url, ILogGroup logGroup, ICluster cluster, BaseService service) {
    }

    private ServiceOutputs() {
    }

    /** Adds the outputs to {@code stack}. */
    public static void add(Stack stack, Props props) {
        props.url().ifPresent(url -> CfnOutput.Builder.create(stack, "ServiceUrl")
                .description("Where the service answers: its first host (or the load balancer's DNS name) and first path")
                .value(url)
                .build());
        CfnOutput.Builder.create(stack, "LogGroupName")
                .description("Container logs: aws logs tail <name> --follow")
                .value(props.logGroup().getLogGroupName())
                .build();
        CfnOutput.Builder.create(stack, "ClusterName").value(props.cluster().getClusterName()).build();
        CfnOutput.Builder.create(stack, "ServiceName").value(props.service().getServiceName()).build();
    }

}
