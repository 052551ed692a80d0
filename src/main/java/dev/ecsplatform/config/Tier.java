package dev.ecsplatform.config;

/**
 * How much an environment matters. The tier chooses the safety defaults (termination protection,
 * retained log groups, NAT gateways per AZ, at least two tasks) that make prod safe without
 * anyone having to remember them.
 */
public enum Tier implements YamlEnum {
    DEV("dev"),
    TEST("test"),
    PROD("prod");

    private final String yamlName;

    Tier(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** Prod gets termination protection, retained stateful resources and stricter validation. */
    public boolean isProduction() {
        return this == PROD;
    }
}
