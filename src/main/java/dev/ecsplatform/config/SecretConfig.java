package dev.ecsplatform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A secret the container receives as an environment variable, fetched by ECS at task start so that its
 * value never appears in the task definition (unlike {@code environment}, ECS.8). Written under
 * {@code services.<name>.secrets.<VAR>} as {@code { secretsManager: prod/orders/db, key: password }} or
 * {@code { ssmParameter: /orders/api-token }}.
 *
 * @param source    where the secret is kept: {@code secretsManager} or {@code ssmParameter}, whichever key is written;
 *                  exactly one of them is required
 * @param reference the secret's name or full ARN, as written under that key: a Secrets Manager name
 *                  ({@code [A-Za-z0-9/_+=.@-]{1,512}}) or {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>};
 *                  an SSM parameter name ({@code [A-Za-z0-9_.-/]{1,2048}}) or
 *                  {@code arn:aws:ssm:<region>:<account>:parameter/<name>}. A name refers to the environment's own
 *                  account and region
 * @param jsonKey   written {@code key}: one key of a Secrets Manager secret that holds JSON; only with
 *                  {@code secretsManager}. Omitted means the whole secret string
 * @param kmsKeyArn written {@code kmsKey}: the ARN of the customer managed KMS key the secret is encrypted with,
 *                  which the task execution role must be allowed to decrypt with. Omitted means the secret uses
 *                  the AWS managed key of its service
 */
public record SecretConfig(SecretSource source, String reference, Optional<String> jsonKey, Optional<String> kmsKeyArn)
        implements YamlForm {

    /** The YAML key of {@link #jsonKey()}. */
    static final String KEY = "key";

    /** The YAML key of {@link #kmsKeyArn()}. */
    static final String KMS_KEY = "kmsKey";

    /** Every key a secret's map may have, in the order the reference documents them. */
    static List<String> yamlKeys() {
        return Stream.concat(Stream.of(SecretSource.values()).map(SecretSource::yamlName), Stream.of(KEY, KMS_KEY)).toList();
    }

    @Override
    public Map<String, Object> yamlForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(source.yamlName(), reference);
        jsonKey.ifPresent(key -> form.put(KEY, key));
        kmsKeyArn.ifPresent(arn -> form.put(KMS_KEY, arn));
        return form;
    }
}
