package dev.ecsplatform.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds what a service's container may reach: its {@code secrets} (read by the task execution role at
 * task start) and its {@code taskRole} (what the application may do). Part of {@link EnvironmentBinder};
 * every problem goes to the shared list, nothing here throws.
 */
final class ServiceAccessBinder {

    private static final String ARN_REGION = "[a-z]{2,4}(-[a-z]+){1,2}-\\d{1,2}";
    private static final Pattern SECRETS_MANAGER_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SECRETS_MANAGER_ARN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:" + ARN_REGION + ":\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SSM_PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,2048}");
    private static final Pattern SSM_PARAMETER_ARN =
            Pattern.compile("arn:aws[a-z-]*:ssm:" + ARN_REGION + ":\\d{12}:parameter/[A-Za-z0-9_./-]{1,2048}");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:" + ARN_REGION + ":\\d{12}:key/[A-Za-z0-9-]{1,128}");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern AWS_MANAGED_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/.+");
    private static final Pattern CUSTOMER_MANAGED_POLICY = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:policy/[A-Za-z0-9+=,.@_/-]+");
    /** The shortest reason accepted for a wildcard: long enough that it has to say something. */
    static final int MIN_WILDCARD_REASON_LENGTH = 20;

    private final List<ConfigProblem> problems;

    ServiceAccessBinder(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    /** {@code services.<name>.secrets}; {@code environment} is the service's plain variables, which a secret must not repeat. */
    Map<String, SecretConfig> secrets(FieldReader service, Map<String, String> environment) {
        Map<String, SecretConfig> secrets = new LinkedHashMap<>();
        service.namedMaps("secrets", "a map such as { secretsManager: prod/orders/db } or { ssmParameter: /orders/api-token }")
                .forEach((name, reader) -> {
                    if (!EnvironmentBinder.ENV_NAME.matcher(name).matches()) {
                        problems.add(new ConfigProblem(reader.location(), reader.path(), "'" + name + "' is not a valid "
                                + "variable name; use letters, digits and underscores, not starting with a digit"));
                    } else if (environment.containsKey(name)) {
                        FieldReader plain = service.map("environment");
                        problems.add(new ConfigProblem(reader.location(), reader.path(), "is also set under "
                                + plain.pathOf(name) + " (" + plain.locationOf(name) + "); a variable is either plain or "
                                + "secret, so remove one of them"));
                    }
                    secret(reader).ifPresent(secret -> secrets.put(name, secret));
                });
        return secrets;
    }

    private Optional<SecretConfig> secret(FieldReader reader) {
        String secretsManager = SecretSource.SECRETS_MANAGER.yamlName();
        String ssmParameter = SecretSource.SSM_PARAMETER.yamlName();
        Optional<String> secretName = reader.optionalString(secretsManager);
        Optional<String> parameterName = reader.optionalString(ssmParameter);
        Optional<String> key = reader.optionalString(SecretConfig.KEY);
        Optional<String> kmsKey = reader.optionalString(SecretConfig.KMS_KEY);
        reader.rejectUnknownKeys();
        kmsKey.filter(arn -> !KMS_KEY_ARN.matcher(arn).matches()).ifPresent(arn -> reader.problem(SecretConfig.KMS_KEY,
                "'" + arn + "' is not a KMS key ARN; use arn:aws:kms:<region>:<account>:key/<key id> (not an alias: "
                        + "decrypt permission is granted on the key)"));
        if (secretName.isPresent() && parameterName.isPresent()) {
            boolean otherFile = !reader.locationOf(secretsManager).file().equals(reader.locationOf(ssmParameter).file());
            reader.problem(ssmParameter, "is set together with secretsManager; use secretsManager for a Secrets Manager "
                    + "secret or ssmParameter for an SSM Parameter Store parameter, not both" + (otherFile
                    ? " (one comes from " + reader.locationOf(secretsManager).file() + " and maps merge: set this secret "
                    + "in each environment file instead)" : ""));
            return Optional.empty();
        }
        if (secretName.isEmpty() && parameterName.isEmpty()) {
            problems.add(new ConfigProblem(reader.location(), reader.path(), "needs secretsManager (the name or ARN of a "
                    + "Secrets Manager secret: credentials and other secrets that rotate) or ssmParameter (the name or ARN "
                    + "of an SSM Parameter Store SecureString parameter: a single value)"));
            return Optional.empty();
        }
        if (parameterName.isPresent()) {
            key.ifPresent(k -> reader.problem(SecretConfig.KEY, "is only allowed with secretsManager: it picks one key of "
                    + "a Secrets Manager secret that holds JSON, and an SSM parameter has a single value"));
            checkReference(reader, ssmParameter, parameterName.get(), SSM_PARAMETER_NAME, SSM_PARAMETER_ARN,
                    "an SSM parameter name (letters, digits and _ . - /, up to 2048) or its full ARN, "
                            + "arn:aws:ssm:<region>:<account>:parameter/<name>", ":secretsmanager:", secretsManager);
            return Optional.of(new SecretConfig(SecretSource.SSM_PARAMETER, parameterName.get(), Optional.empty(), kmsKey));
        }
        key.ifPresent(k -> {
            if (k.isEmpty() || k.contains(":")) {
                reader.problem(SecretConfig.KEY, "'" + k + "' is not a JSON key ECS can select; write the key's name, "
                        + "without ':' (ECS separates the parts of a secret reference with colons)");
            }
        });
        checkReference(reader, secretsManager, secretName.get(), SECRETS_MANAGER_NAME, SECRETS_MANAGER_ARN,
                "a Secrets Manager secret name (letters, digits and / _ + = . @ -, up to 512) or its full ARN, "
                        + "arn:aws:secretsmanager:<region>:<account>:secret:<name>", ":ssm:", ssmParameter);
        return Optional.of(new SecretConfig(SecretSource.SECRETS_MANAGER, secretName.get(), key, kmsKey));
    }

    /** A name or ARN of the source under {@code key}; an ARN of the other source names the key it belongs under. */
    private static void checkReference(FieldReader reader, String key, String reference, Pattern name, Pattern arn,
                                       String allowed, String otherService, String otherKey) {
        boolean valid = reference.startsWith("arn:") ? arn.matcher(reference).matches() : name.matcher(reference).matches();
        if (valid) {
            return;
        }
        if (reference.startsWith("arn:") && reference.contains(otherService)) {
            reader.problem(key, "'" + reference + "' is an ARN for " + otherKey + ", not " + key + "; move it under " + otherKey);
        } else {
            reader.problem(key, "'" + reference + "' is not " + allowed);
        }
    }

    /** The task role of a service in {@code account} (the environment's account; empty when it is itself wrong). */
    TaskRoleConfig taskRole(FieldReader reader, String account) {
        List<PolicyStatementConfig> statements = new java.util.ArrayList<>();
        reader.listOfMaps("statements").orElse(List.of()).forEach(entry -> statements.add(statement(entry)));
        List<String> managedPolicies = reader.strings("managedPolicies", List.of());
        Set<String> seen = new HashSet<>();
        for (String policy : managedPolicies) {
            if (AWS_MANAGED_POLICY.matcher(policy).matches()) {
                reader.problem("managedPolicies", "'" + policy + "' is an AWS managed policy; those grant far more than one "
                        + "task needs (cdk-nag AwsSolutions-IAM4), so write the actions the task needs under statements instead");
            } else if (!CUSTOMER_MANAGED_POLICY.matcher(policy).matches()) {
                reader.problem("managedPolicies", "'" + policy + "' is not a customer managed policy ARN; write "
                        + "arn:aws:iam::<account>:policy/<name>");
            } else if (!account.isEmpty() && !policy.split(":")[4].equals(account)) {
                // IAM attaches only policies of the role's own account (AttachRolePolicy fails at deploy time otherwise).
                reader.problem("managedPolicies", "'" + policy + "' belongs to account " + policy.split(":")[4]
                        + "; a role can only use managed policies of its own account, " + account
                        + ", so create the policy there or write its statements under statements");
            } else if (!seen.add(policy)) {
                reader.problem("managedPolicies", "'" + policy + "' is listed twice");
            }
        }
        reader.rejectUnknownKeys();
        return new TaskRoleConfig(statements, managedPolicies);
    }

    private PolicyStatementConfig statement(FieldReader entry) {
        List<String> actions = entry.strings("actions", List.of());
        if (!entry.has("actions")) {
            problems.add(new ConfigProblem(entry.location(), entry.pathOf("actions"), "is required; list the IAM actions "
                    + "the task needs, e.g. [s3:GetObject]"));
        } else if (actions.isEmpty()) {
            entry.problem("actions", "must not be empty; list the IAM actions the task needs, e.g. [s3:GetObject]");
        }
        actions.stream().filter(action -> !IAM_ACTION.matcher(action).matches()).forEach(action -> entry.problem("actions",
                "'" + action + "' is not an IAM action; write service:Action, e.g. s3:GetObject (* and ? may stand for "
                        + "part of the action name)"));
        List<String> resources = entry.strings("resources", List.of());
        if (!entry.has("resources")) {
            problems.add(new ConfigProblem(entry.location(), entry.pathOf("resources"), "is required; list the ARNs the "
                    + "actions apply to, or [\"*\"] for actions that take no resource"));
        } else if (resources.isEmpty()) {
            entry.problem("resources", "must not be empty; list the ARNs the actions apply to, or [\"*\"] for actions "
                    + "that take no resource");
        }
        resources.stream().filter(resource -> !resource.startsWith("arn:") && !resource.equals("*")).forEach(resource ->
                entry.problem("resources", "'" + resource + "' is not a resource; use an ARN (arn:...) or *"));
        Optional<String> reason = entry.optionalString("reason");
        entry.rejectUnknownKeys();
        PolicyStatementConfig statement = new PolicyStatementConfig(actions, resources, reason);
        Optional<String> wildcard = statement.firstWildcard();
        String acknowledgment = "the reason becomes the reviewed acknowledgment of cdk-nag AwsSolutions-IAM5 for exactly "
                + "this statement";
        if (wildcard.isPresent() && reason.isEmpty()) {
            problems.add(new ConfigProblem(entry.location(), entry.pathOf("reason"), "is required because '" + wildcard.get()
                    + "' has a wildcard; say in at least " + MIN_WILDCARD_REASON_LENGTH + " characters why the task needs "
                    + "it (" + acknowledgment + ")"));
        } else if (wildcard.isPresent() && reason.get().strip().length() < MIN_WILDCARD_REASON_LENGTH) {
            entry.problem("reason", "is " + reason.get().strip().length() + " characters long; say in at least "
                    + MIN_WILDCARD_REASON_LENGTH + " why the task needs '" + wildcard.get() + "' (" + acknowledgment + ")");
        } else if (wildcard.isEmpty() && reason.isPresent()) {
            entry.problem("reason", "is set but this statement has no wildcard, so cdk-nag AwsSolutions-IAM5 has nothing "
                    + "to acknowledge; remove reason");
        }
        return statement;
    }
}
