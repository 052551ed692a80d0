package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A list field that must have at least one item when it is written. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotEmpty {

    /** What to do instead, completing "must not be empty; ...", e.g. "use [/*] to match every path". */
    String value();
}
