package dev.ecsplatform.config;

/** An enum whose constants are written in environment files under a fixed lower-case name. */
public interface YamlEnum {

    /** The name used in YAML, e.g. {@code fargate-spot}. */
    String yamlName();
}
