package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a config field (or a config record, or a variant) is for: the one description the JSON Schema's
 * hover text and the field tables of {@code docs/configuration.md} are generated from.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Doc {

    /** What the field does, in one or two sentences of plain Markdown. */
    String value();

    /**
     * Constraints beyond the annotations, checked by {@link EnvironmentRules} on the merged configuration
     * (e.g. "less than intervalSeconds"; "prod: only 100"); shown in the reference's Allowed column.
     */
    String rules() default "";

    /**
     * On a record type: how one is written, e.g. "{ ssmParameter: /orders/api-token }", for the message when
     * something else stands where one belongs.
     */
    String example() default "";

    /** For an {@code Optional} field: what leaving it out means; empty means "none". */
    String omitted() default "";
}
