package dev.ecsplatform.service;

import dev.ecsplatform.cluster.ImportedServiceConnect;
import dev.ecsplatform.config.ServiceConnectConfig;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.ServiceConnectService;

/**
 * The service published in the environment's Service Connect namespace: the other member tasks reach it
 * by a short name through their proxy, straight to its tasks, without a load balancer. Membership (the
 * namespace's group, worn by every member task) is the stack's; this admits the members on the port.
 *
 * @param connect   the published name
 * @param port      the container port clients call, also the port of the published endpoint
 * @param namespace the namespace and its membership group, from the platform contract
 */
public record ServiceConnectRoute(ServiceConnectConfig connect, int port, ImportedServiceConnect namespace)
        implements TrafficBinding {

    /** The name of the container's port mapping that the namespace publishes. */
    public static final String PORT_MAPPING_NAME = "connect";

    @Override
    public List<ISecurityGroup> taskSecurityGroups() {
        return List.of();
    }

    @Override
    public void attach(BaseService service, SecurityGroup taskSecurityGroup, TrafficShift shift) {
        taskSecurityGroup.addIngressRule(namespace.securityGroup(), Port.tcp(port),
                "From tasks in the Service Connect namespace to the published port");
    }

    /** Calls go straight to tasks, so there is no target group to shift. */
    @Override
    public List<LoadBalancedTraffic> loadBalanced() {
        return List.of();
    }

    /** Nothing outside the task checks it; the proxy sends requests only to tasks that pass their container check. */
    @Override
    public Optional<Duration> healthCheckGracePeriod() {
        return Optional.empty();
    }

    @Override
    public Optional<String> url() {
        return Optional.of("http://" + connect.name() + ":" + port);
    }

    /** The endpoint the service publishes in the namespace. */
    public ServiceConnectService published() {
        return ServiceConnectService.builder()
                .portMappingName(PORT_MAPPING_NAME)
                .discoveryName(connect.name())
                .dnsName(connect.name())
                .port(port)
                .build();
    }
}
