package dev.tlsconsole.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A REST controller of the public API: its mappings are served under {@value ApiPaths#PREFIX}
 * and its errors are {@code application/problem+json} (see {@link ApiExceptionHandler}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
@RequestMapping
public @interface ApiController {

    /** Path below {@value ApiPaths#PREFIX}, e.g. {@code /hosts}. */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] value() default {};
}
