package dev.tlsconsole.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields a paged list may be sorted by, on its {@code Pageable} parameter (or the handler method):
 * the OpenAPI document lists them on the {@code sort} query parameter.
 */
@Target({ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiSort {

    /** Property names accepted by {@code sort=field} or {@code sort=field,desc}. */
    String[] value();
}
