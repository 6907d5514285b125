package dev.tlsconsole;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The object a request names does not exist: HTTP 404 on the API, the 404 page in the UI. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String type, Object key) {
        return new NotFoundException(type + " '" + key + "' does not exist");
    }
}
