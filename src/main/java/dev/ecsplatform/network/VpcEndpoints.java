package dev.ecsplatform.network;

import dev.ecsplatform.config.VpcEndpoint;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.constructs.Construct;

/**
 * VPC endpoints, so tasks reach AWS services without the internet: S3 by a gateway endpoint in every route table
 * (free; ECR serves image layers from S3), the others by interface endpoints with private DNS in the subnets the
 * tasks run in. All interface endpoints share one security group that admits HTTPS from the VPC's CIDR and nothing
 * else. ECR Public (public.ecr.aws) has no VPC endpoint: its images still come over the internet.
 */
public final class VpcEndpoints extends Construct {

    /**
     * Inputs.
     *
     * @param vpc       the VPC
     * @param vpcCidr   the VPC's CIDR block as written in the config (a literal, so rule checkers can read the rule)
     * @param endpoints the services to reach through endpoints
     * @param subnets   where the interface endpoints' network interfaces go: the subnets the tasks run in, one per zone
     * @param gatewaySubnets whose route tables the S3 gateway endpoint adds its route to; empty: every subnet's (a VPC
     *                  this product created)
     */
    public record Props(IVpc vpc, String vpcCidr, List<VpcEndpoint> endpoints, SubnetSelection subnets,
            Optional<SubnetSelection> gatewaySubnets) {
        public Props {
            endpoints = List.copyOf(endpoints);
        }
    }

    public VpcEndpoints(Construct scope, String id, Props props) {
        super(scope, id);
        IVpc vpc = props.vpc();
        SecurityGroup securityGroup = null;
        for (VpcEndpoint endpoint : props.endpoints()) {
            if (endpoint == VpcEndpoint.S3) {
                GatewayVpcEndpoint.Builder.create(this, "S3").vpc(vpc).service(GatewayVpcEndpointAwsService.S3)
                        .subnets(props.gatewaySubnets().map(List::of).orElse(null))
                        .build();
                continue;
            }
            if (securityGroup == null) {
                // No outbound rules: an endpoint only answers (security groups are stateful).
                securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                        .vpc(vpc)
                        .description("Interface VPC endpoints: HTTPS from inside the VPC only")
                        .allowAllOutbound(false)
                        .build();
                securityGroup.addIngressRule(Peer.ipv4(props.vpcCidr()), Port.tcp(443), "HTTPS from inside the VPC");
            }
            for (Interface service : services(endpoint)) {
                InterfaceVpcEndpoint.Builder.create(this, service.id())
                        .vpc(vpc)
                        .service(service.service())
                        .privateDnsEnabled(true)
                        .subnets(props.subnets())
                        .securityGroups(List.of(securityGroup))
                        // The group above already says who may connect; CDK's open would add a second, wider-described rule.
                        .open(false)
                        .build();
            }
        }
    }

    private record Interface(String id, InterfaceVpcEndpointAwsService service) {
    }

    private static List<Interface> services(VpcEndpoint endpoint) {
        return switch (endpoint) {
            case ECR -> List.of(new Interface("EcrApi", InterfaceVpcEndpointAwsService.ECR),
                    new Interface("EcrDocker", InterfaceVpcEndpointAwsService.ECR_DOCKER));
            case LOGS -> List.of(new Interface("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS));
            case SECRETSMANAGER -> List.of(new Interface("SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER));
            case SSM -> List.of(new Interface("Ssm", InterfaceVpcEndpointAwsService.SSM));
            case S3 -> List.of();
        };
    }
}
