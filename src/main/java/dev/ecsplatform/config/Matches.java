package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole of a string field (or of each string of a list field) must match {@link #regex()}. A value that
 * does not is reported as {@code '<value>' <problem>; use <allowed>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Matches {

    /** A regular expression in the common subset of Java and ECMAScript (the JSON Schema's dialect). */
    String regex();

    /** What the value is not, e.g. "is not a task definition family". */
    String problem();

    /** What to write instead, e.g. "1 to 255 letters, digits, hyphens and underscores". */
    String allowed();
}
