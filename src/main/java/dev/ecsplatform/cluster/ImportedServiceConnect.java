package dev.ecsplatform.cluster;

import software.amazon.awscdk.services.ec2.ISecurityGroup;

/**
 * The environment's Service Connect namespace as a service stack sees it, from the platform contract.
 *
 * @param namespaceArn  the Cloud Map namespace's ARN, which ECS accepts where a namespace is named
 * @param securityGroup the group every member task wears; a published service admits it on its port
 */
public record ImportedServiceConnect(String namespaceArn, ISecurityGroup securityGroup) {
}
