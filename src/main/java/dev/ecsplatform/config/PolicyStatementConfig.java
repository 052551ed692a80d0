package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One IAM statement of a task role: allow these actions on these resources. */
@Doc("One IAM statement: allow these actions on these resources.")
public record PolicyStatementConfig(
        @Required("the IAM actions the task needs, e.g. [s3:GetObject]")
        @NotEmpty("list the IAM actions the task needs, e.g. [s3:GetObject]")
        @Matches(regex = "[a-z0-9-]+:[A-Za-z0-9*?]+", problem = "is not an IAM action",
                allowed = "service:Action, e.g. s3:GetObject (* and ? may stand for part of the action name)")
        @Doc("The IAM actions allowed.")
        List<String> actions,

        @Required("the ARNs the actions apply to, or [\"*\"] for actions that take no resource")
        @NotEmpty("list the ARNs the actions apply to, or [\"*\"] for actions that take no resource")
        @Matches(regex = "arn:.*|\\*", problem = "is not a resource", allowed = "an ARN (arn:...) or *")
        @Doc("The resources the actions apply to.")
        List<String> resources,

        @Doc(value = "Why the task needs the wildcard; the reviewed acknowledgment of cdk-nag AwsSolutions-IAM5 for this "
                + "statement.", rules = "at least 20 characters; required when an action or resource contains `*` or `?`, "
                + "and only then", omitted = "no reason: allowed only without wildcards")
        Optional<String> reason) {

    public PolicyStatementConfig {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    /** Whether an action or a resource has a wildcard, which cdk-nag AwsSolutions-IAM5 flags. */
    public boolean hasWildcard() {
        return firstWildcard().isPresent();
    }

    /** The first action or resource with {@code *} or {@code ?}, to name in messages. */
    Optional<String> firstWildcard() {
        return Stream.concat(actions.stream(), resources.stream())
                .filter(value -> value.contains("*") || value.contains("?"))
                .findFirst();
    }
}
