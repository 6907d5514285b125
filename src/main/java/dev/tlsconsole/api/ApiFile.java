package dev.tlsconsole.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that answers a file rather than JSON: the media types it may answer with, for the OpenAPI
 * document (text types are documented as strings, the others as binary).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiFile {

    /** e.g. {@code application/pkix-crl}, {@code application/x-pem-file}, {@code text/csv}, {@code application/zip}. */
    String[] value();
}
