package dev.ecsplatform.config;

import java.util.Optional;

/**
 * A secret the container receives as an environment variable, fetched by ECS at task start so that its value
 * never appears in the task definition (unlike {@code environment}, ECS.8). Exactly one of
 * {@link #secretsManager()} and {@link #ssmParameter()} is set ({@link EnvironmentRules} checks it).
 */
@Doc(value = "One container secret: the variable gets the secret's value when a task starts. The task execution role is "
        + "allowed to read exactly these secrets (and decrypt with `kmsKey`).",
        example = "{ secretsManager: prod/orders/db } or { ssmParameter: /orders/api-token }")
public record SecretConfig(
        @Doc(value = "A Secrets Manager secret, by name or ARN: for credentials and other secrets that rotate. A name refers "
                + "to the environment's own account and region; another account's secret needs its full ARN.",
                rules = "a secret name (letters, digits and `/ _ + = . @ -`, up to 512) or "
                        + "`arn:aws:secretsmanager:<region>:<account>:secret:<name>`; exactly one of `secretsManager` and "
                        + "`ssmParameter`", omitted = "use `ssmParameter`")
        Optional<String> secretsManager,

        @Doc(value = "An SSM Parameter Store SecureString parameter, by name or ARN: a single value.",
                rules = "a parameter name (letters, digits and `_ . - /`, up to 2048) or "
                        + "`arn:aws:ssm:<region>:<account>:parameter/<name>`", omitted = "use `secretsManager`")
        Optional<String> ssmParameter,

        @Doc(value = "Picks one key of a Secrets Manager secret that holds JSON.",
                rules = "a JSON key, without `:`; only with `secretsManager`", omitted = "the whole secret")
        Optional<String> key,

        @Doc(value = "The customer managed KMS key the secret is encrypted with, which the execution role is then allowed "
                + "to decrypt with.", rules = "`arn:aws:kms:<region>:<account>:key/<key id>` (a key ARN, not an alias)",
                omitted = "the AWS managed key of the secret's service")
        Optional<String> kmsKey) {

    /** Where the secret is kept. */
    public SecretSource source() {
        return secretsManager.isPresent() ? SecretSource.SECRETS_MANAGER : SecretSource.SSM_PARAMETER;
    }

    /** The secret's name or ARN, as written under its source's key. */
    public String reference() {
        return secretsManager.or(() -> ssmParameter).orElseThrow();
    }
}
