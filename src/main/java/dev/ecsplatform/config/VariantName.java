package dev.ecsplatform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The YAML key of one variant of a sealed config interface: {@code deployment: { rolling: {...} }} binds
 * the record named {@code rolling} among those the interface permits. Exactly one variant is written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VariantName {

    String value();
}
