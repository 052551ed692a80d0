package dev.ecsplatform.service;

import dev.ecsplatform.compliance.Acknowledgments;
import dev.ecsplatform.config.PolicyStatementConfig;
import dev.ecsplatform.config.TaskRoleConfig;
import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * What the application of a service may do: the statements and customer-managed policies its config asks
 * for, on the task role, and nothing else. A wildcard appears only where the config wrote one, and the
 * config must then give the reason, which becomes the acknowledgment of exactly those cdk-nag findings
 * (the config loader rejects a wildcard without a reason).
 */
public final class TaskRolePermissions extends Construct {

    /**
     * @param scope      the construct's scope
     * @param id         the construct ID
     * @param config     the permissions
     * @param configPath where they are written, e.g. {@code services.orders.taskRole}, for the acknowledgments
     * @param taskRole   the role to grant them to
     */
    public TaskRolePermissions(Construct scope, String id, TaskRoleConfig config, String configPath, Role taskRole) {
        super(scope, id);
        List<PolicyStatementConfig> statements = config.statements();
        for (PolicyStatementConfig statement : statements) {
            taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(statement.actions())
                    .resources(statement.resources())
                    .build());
        }
        for (int i = 0; i < config.managedPolicies().size(); i++) {
            taskRole.addManagedPolicy(ManagedPolicy.fromManagedPolicyArn(this, "ManagedPolicy" + i, config.managedPolicies().get(i)));
        }
        if (statements.isEmpty()) {
            return;
        }
        // addToPrincipalPolicy makes this policy; findChild throws if a CDK release names it differently.
        Construct policy = (Construct) taskRole.getNode().findChild("DefaultPolicy");
        Acknowledgments.acknowledge(policy, "NIST.800.53.R5-IAMNoInlinePolicy",
                "CDK writes the task role's statements inline, exactly as the service's config lists them; a managed policy "
                        + "could be attached to other roles. The review report requires approval when this access widens.");
        for (int i = 0; i < statements.size(); i++) {
            PolicyStatementConfig statement = statements.get(i);
            if (statement.reason().isEmpty()) {
                continue;
            }
            String where = configPath + ".statements[" + i + "]";
            String reason = statement.reason().get();
            statement.actions().stream().filter(TaskRolePermissions::isWildcard).forEach(action ->
                    Acknowledgments.acknowledgeFromConfig(policy, "AwsSolutions-IAM5[Action::" + action + "]", where, reason));
            statement.resources().stream().filter(TaskRolePermissions::isWildcard).forEach(resource ->
                    Acknowledgments.acknowledgeFromConfig(policy, "AwsSolutions-IAM5[Resource::" + resource + "]", where, reason));
            if (statement.actions().stream().anyMatch(action -> action.endsWith(":*") || action.equals("*"))) {
                Acknowledgments.acknowledgeFromConfig(policy, "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess", where, reason);
            }
        }
    }

    private static boolean isWildcard(String value) {
        return value.contains("*") || value.contains("?");
    }
}
