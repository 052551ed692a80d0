package dev.ecsplatform.config;

/**
 * The security policy of an HTTPS listener: which TLS versions and ciphers it offers. Both are ELB's TLS 1.3
 * policies; the names are the ones the ELB console and documentation use.
 */
public enum TlsPolicy implements YamlEnum {
    /** TLS 1.3 and 1.2 with forward-secret ciphers: ELB's recommended policy, for clients of the last decade. */
    TLS13_1_2(CommonFieldValues.DEFAULT_TLS_POLICY),
    /** TLS 1.3 only, for clients that all speak it. */
    TLS13_1_3("ELBSecurityPolicy-TLS13-1-3-2021-06");

    private final String yamlName;

    TlsPolicy(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
