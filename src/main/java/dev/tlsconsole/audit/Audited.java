package dev.tlsconsole.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a mutating service method. The method records its own SUCCESS entry (it knows the before and
 * after states) with {@link AuditRecord#success(Object, String, Object, Object)}, which takes action, type
 * and — unless given — id from this annotation; when it throws, {@link AuditedOperationInterceptor} records the FAILURE in a
 * transaction of its own, and a denial is recorded by the security layer under this action's name.
 * So every call writes exactly one entry.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** The action, which also names the type of object acted on. */
    AuditAction value();

    /** Optional SpEL over the method's parameters giving the object's name, e.g. {@code #command.username()}. */
    String objectName() default "";

    /** Optional SpEL over the method's parameters giving the object's id, e.g. {@code #id}. */
    String objectId() default "";
}
