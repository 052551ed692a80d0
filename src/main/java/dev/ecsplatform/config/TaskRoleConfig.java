package dev.ecsplatform.config;

import java.util.List;

/**
 * What the application in the container may do in AWS: the permissions of the task role. The execution
 * role (pulling the image, writing logs, reading {@code secrets}) is separate and made by the service.
 *
 * @param statements      IAM policy statements, each allowing actions on resources; omitted means none, so the
 *                        application can call no AWS API
 * @param managedPolicies ARNs of customer managed policies to attach, {@code arn:aws:iam::<account>:policy/<name>};
 *                        AWS managed policies are rejected (they grant far more than one task needs, cdk-nag
 *                        AwsSolutions-IAM4). Omitted means none
 */
public record TaskRoleConfig(List<PolicyStatementConfig> statements, List<String> managedPolicies) {

    public TaskRoleConfig {
        statements = List.copyOf(statements);
        managedPolicies = List.copyOf(managedPolicies);
    }

    /** A task role that allows nothing. */
    public static TaskRoleConfig none() {
        return new TaskRoleConfig(List.of(), List.of());
    }
}
