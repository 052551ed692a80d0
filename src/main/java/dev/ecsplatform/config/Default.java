package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a field takes when the merged configuration leaves it out. Either a YAML literal, bound and
 * validated like a written value ({@code "60"}, {@code "[/tmp]"}, {@code "{}"}, {@code "{rolling: {}}"}),
 * optionally with a different literal for prod; or a computed default, a static method of the record
 * taking a {@link DefaultContext}, for a default that follows other fields.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {

    /** The YAML literal used in every tier (or outside prod, when {@link #prod()} is set). */
    String value() default "";

    /** The YAML literal used in prod instead of {@link #value()}; empty means the same. */
    String prod() default "";

    /** The name of a static method of the record, {@code (DefaultContext) -> value}; excludes {@link #value()}. */
    String computed() default "";

    /** For a computed default: what it is, in words, for the reference ("4 x minTasks, at most 1000"). */
    String means() default "";
}
