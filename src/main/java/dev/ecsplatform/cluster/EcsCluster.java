package dev.ecsplatform.cluster;

import dev.ecsplatform.config.ClusterConfig;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.ICluster;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.servicediscovery.INamespace;
import software.amazon.awscdk.services.servicediscovery.NamespaceType;
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
     * @param namespaceName the Service Connect namespace's name (the environment's), used when it is on
     */
    public record Props(ClusterConfig config, IVpc vpc, String namespaceName) {
    }

    private final Cluster cluster;
    private final Optional<ServiceConnect> serviceConnect;

    /**
     * The environment's Service Connect namespace and the group every member task wears; a published service
     * admits that group on its port.
     *
     * @param namespace      the Cloud Map HTTP namespace, named after the environment
     * @param securityGroup  the membership group of the namespace's tasks; grants nothing itself
     */
    public record ServiceConnect(INamespace namespace, ISecurityGroup securityGroup) {
    }

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
        if (props.config().serviceConnect()) {
            // An HTTP namespace: Service Connect needs no Route 53 zone, and clients resolve through their proxy.
            INamespace namespace = cluster.addDefaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                    .name(props.namespaceName())
                    .type(NamespaceType.HTTP)
                    .useForServiceConnect(true)
                    .build());
            SecurityGroup members = SecurityGroup.Builder.create(this, "ServiceConnectSecurityGroup")
                    .vpc(props.vpc())
                    .description("Membership of tasks in the Service Connect namespace " + props.namespaceName()
                            + "; grants nothing itself, each published service admits it on its port")
                    .allowAllOutbound(false)
                    .build();
            this.serviceConnect = Optional.of(new ServiceConnect(namespace, members));
        } else {
            this.serviceConnect = Optional.empty();
        }
    }

    /** The Service Connect namespace and its membership group, when the cluster has Service Connect. */
    public Optional<ServiceConnect> serviceConnect() {
        return serviceConnect;
    }

    /** The cluster. */
    public ICluster cluster() {
        return cluster;
    }
}
