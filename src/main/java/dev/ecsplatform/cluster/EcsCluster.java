package dev.ecsplatform.cluster;

import dev.ecsplatform.config.ClusterConfig;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.ICluster;
import software.constructs.Construct;

/**
 * The ECS cluster with the FARGATE and FARGATE_SPOT capacity providers and Container Insights.
 * EC2 capacity providers, when they come, are added here and named by services.
 */
public final class EcsCluster extends Construct {

    /**
     * Inputs of the cluster.
     *
     * @param config the cluster settings
     * @param vpc    the VPC the cluster's tasks run in
     */
    public record Props(ClusterConfig config, IVpc vpc) {
    }

    private final Cluster cluster;

    public EcsCluster(Construct scope, String id, Props props) {
        super(scope, id);
        this.cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(props.vpc())
                .enableFargateCapacityProviders(true)
                .containerInsightsV2(switch (props.config().containerInsights()) {
                    case ENABLED -> ContainerInsights.ENABLED;
                    case ENHANCED -> ContainerInsights.ENHANCED;
                })
                .build();
    }

    /** The cluster. */
    public ICluster cluster() {
        return cluster;
    }
}
