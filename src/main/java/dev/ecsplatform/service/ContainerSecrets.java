package dev.ecsplatform.service;

import dev.ecsplatform.config.SecretConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.SecretAttributes;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The container's secrets: each variable is read by ECS at task start from Secrets Manager (a whole secret
 * or one JSON key) or an SSM parameter, and never appears in the task definition.
 *
 * <p>CDK grants the execution role read access to exactly these secrets when the container is added
 * ({@code secretsmanager:GetSecretValue}/{@code DescribeSecret} on each secret, {@code ssm:GetParameters} on
 * each parameter); a customer-managed key named in the config is granted {@code kms:Decrypt} as well, which a
 * secret in another account always needs (Secrets Manager guide, "Access AWS Secrets Manager secrets from a
 * different account"). Nothing else is readable.
 */
public final class ContainerSecrets extends Construct {

    /** A Secrets Manager ARN with the six-character suffix Secrets Manager appends to every secret's name. */
    private static final Pattern COMPLETE_SECRET_ARN = Pattern.compile("arn:[^:]+:secretsmanager:[^:]+:\\d{12}:secret:.+-[A-Za-z0-9]{6}");

    private final Map<String, Secret> secrets = new TreeMap<>();

    /**
     * @param scope         where the imported secret handles live
     * @param id            the construct ID
     * @param secrets       the secrets by variable name
     * @param executionRole the role ECS reads them with; granted decrypt on configured KMS keys
     */
    public ContainerSecrets(Construct scope, String id, Map<String, SecretConfig> secrets, IGrantable executionRole) {
        super(scope, id);
        Stack stack = Stack.of(this);
        new TreeMap<>(secrets).forEach((variable, config) -> {
            IKey key = config.kmsKey().map(arn -> Key.fromKeyArn(this, variable + "Key", arn)).orElse(null);
            if (key != null) {
                // Granted here, on the principal: CDK grants nothing on an imported key of another account, and
                // such a secret is always encrypted with a customer-managed key.
                key.grantDecrypt(executionRole);
            }
            this.secrets.put(variable, switch (config.source()) {
                case SECRETS_MANAGER -> {
                    String reference = config.reference();
                    SecretAttributes.Builder attributes = SecretAttributes.builder().encryptionKey(key);
                    if (COMPLETE_SECRET_ARN.matcher(reference).matches()) {
                        attributes.secretCompleteArn(reference);
                        // The same shape is also a name that ends in a hyphen and six characters (orders/db-secret):
                        // then the real ARN has a suffix after it. Reading that one too keeps such a task startable.
                        executionRole.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                                .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                                .resources(List.of(reference + "-??????"))
                                .build());
                    } else if (reference.startsWith("arn:")) {
                        attributes.secretPartialArn(reference);
                    } else {
                        attributes.secretPartialArn("arn:" + stack.getPartition() + ":secretsmanager:" + stack.getRegion() + ":"
                                + stack.getAccount() + ":secret:" + reference);
                    }
                    ISecret secret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretAttributes(
                            this, variable, attributes.build());
                    yield config.key().map(field -> Secret.fromSecretsManager(secret, field))
                            .orElseGet(() -> Secret.fromSecretsManager(secret));
                }
                case SSM_PARAMETER -> {
                    IStringParameter parameter = config.reference().startsWith("arn:")
                            ? StringParameter.fromStringParameterArn(this, variable, config.reference())
                            : StringParameter.fromSecureStringParameterAttributes(this, variable,
                                    SecureStringParameterAttributes.builder().parameterName(config.reference()).encryptionKey(key).build());
                    yield Secret.fromSsmParameter(parameter);
                }
            });
        });
    }

    /** The secrets for a container definition, by variable name. */
    public Map<String, Secret> secrets() {
        return secrets;
    }
}
