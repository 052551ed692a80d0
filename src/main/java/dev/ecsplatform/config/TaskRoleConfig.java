package dev.ecsplatform.config;

import java.util.List;

/**
 * What the application in the container may do in AWS: the permissions of the task role. The execution role
 * (pulling the image, writing logs, reading {@code secrets}) is separate and made by the service.
 */
@Doc("What the application in the container may do: the task role's permissions, least privilege and reviewed. (The "
        + "execution role, which pulls the image, writes logs and reads `secrets`, is separate.)")
public record TaskRoleConfig(
        @Default("[]")
        @Doc("IAM statements allowing actions on resources. With none, the application can call no AWS API.")
        List<PolicyStatementConfig> statements,

        @Default("[]")
        @Matches(regex = "arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/.+", problem = "is not a customer managed policy ARN",
                allowed = "arn:aws:iam::<account>:policy/<name>")
        @Doc(value = "Customer managed policies to attach. AWS managed policies (`arn:aws:iam::aws:policy/...`) are "
                + "rejected: they grant far more than one task needs (AwsSolutions-IAM4).",
                rules = "each once, of the environment's own account")
        List<String> managedPolicies) {

    public TaskRoleConfig {
        statements = List.copyOf(statements);
        managedPolicies = List.copyOf(managedPolicies);
    }

    /** A task role that allows nothing. */
    public static TaskRoleConfig none() {
        return new TaskRoleConfig(List.of(), List.of());
    }
}
