package dev.ecsplatform.config;

/** Where a container secret is kept; the YAML name is the key that names it under {@code secrets.<VAR>}. */
public enum SecretSource implements YamlEnum {
    /** AWS Secrets Manager: credentials and other secrets that rotate, optionally one JSON key of them. */
    SECRETS_MANAGER("secretsManager"),
    /** AWS Systems Manager Parameter Store, a SecureString parameter: a single value. */
    SSM_PARAMETER("ssmParameter");

    private final String yamlName;

    SecretSource(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
