package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A field the merged configuration must set; the hint says what to set it to. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {

    /**
     * What to write, completing "is required; set it to ...", e.g. "the 12-digit AWS account ID, in quotes".
     * Empty for an enum, whose message lists the allowed names.
     */
    String value() default "";

    /**
     * A top-level map whose keys are the allowed values (e.g. {@code loadBalancers}); the message then lists
     * them, or says there are none yet.
     */
    String keysOf() default "";
}
