package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every key of a map field must match {@link #regex()}, e.g. service names. A key that does not is reported
 * as {@code '<key>' <problem>; use <allowed>}, and the JSON Schema gets it as {@code propertyNames}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface KeysMatch {

    /** A regular expression in the common subset of Java and ECMAScript. */
    String regex();

    /** What the key is not, e.g. "is not a valid service name". */
    String problem();

    /** What to write instead. */
    String allowed();
}
