package dev.tlsconsole;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The columns a list may be sorted by ({@code ?sort=name,desc}), declared on the list's {@code Pageable}
 * parameter — the same allow-list for the page and the API of one list. Any other {@code sort} value is
 * refused with 400 before the list is read. A {@code Pageable} without this annotation may only be sorted
 * by the properties of its {@code @PageableDefault}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SortableBy {

    /** Sortable properties as the request names them (aliases such as {@code host} included). */
    String[] value();
}
