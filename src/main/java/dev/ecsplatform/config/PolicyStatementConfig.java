package dev.ecsplatform.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One IAM statement of a task role: allow these actions on these resources.
 *
 * @param actions   IAM actions, each {@code service:Action} such as {@code s3:GetObject}, {@code *} and {@code ?}
 *                  allowed in the action name; required, at least one
 * @param resources the resources, each an ARN or {@code *}; required, at least one
 * @param reason    why the statement needs a wildcard, at least 20 characters; required when any action or resource
 *                  contains {@code *} or {@code ?}, and then the reviewed acknowledgment of cdk-nag AwsSolutions-IAM5
 *                  for exactly this statement. Rejected on a statement without wildcards (nothing to acknowledge);
 *                  omitted there
 */
public record PolicyStatementConfig(List<String> actions, List<String> resources, Optional<String> reason) {

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
