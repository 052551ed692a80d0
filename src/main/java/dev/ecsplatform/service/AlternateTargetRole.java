package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import software.amazon.awscdk.services.ecs.BaseService;
import software.constructs.IConstruct;

/**
 * The role CDK's {@code AlternateTarget} makes when a traffic binding wires an ECS shift: {@code <id>Role} under the
 * service, trusted by {@code ecs.amazonaws.com} only, with AWS's managed policy
 * {@code AmazonECSInfrastructureRolePolicyForLoadBalancers}, which lets ECS register tasks with both target groups and
 * rewrite the production and test routes (ECS developer guide, "Amazon ECS infrastructure IAM role for load balancers").
 */
final class AlternateTargetRole {

    static final String MANAGED_POLICY = "AmazonECSInfrastructureRolePolicyForLoadBalancers";

    private AlternateTargetRole() {
    }

    /** Acknowledges the managed policy on the role of alternate target {@code alternateTargetId}, once it is bound. */
    static void acknowledge(BaseService service, String alternateTargetId) {
        IConstruct role = service.getNode().findChild(alternateTargetId + "Role");
        Acknowledgments.acknowledge(role, "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/" + MANAGED_POLICY + "]",
                "AWS's own policy for the role ECS uses to shift blue/green traffic, kept by AWS in step with the load "
                        + "balancer calls ECS makes. The role trusts only ecs.amazonaws.com and serves only this service.");
    }
}
