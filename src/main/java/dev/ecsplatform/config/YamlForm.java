package dev.ecsplatform.config;

import java.util.Map;

/**
 * A config record whose YAML is not its components one by one: {@link SecretConfig} is written
 * {@code { secretsManager: <name> }}, its source being the key rather than a value. {@link EffectiveConfig}
 * writes such a record in this form so that {@code print-config} output loads back.
 */
interface YamlForm {

    /** The record as written in an environment file, keys in the order a reader expects them. */
    Map<String, Object> yamlForm();
}
