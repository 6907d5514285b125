package dev.tlsconsole.certificates;

import java.io.IOException;

import org.springframework.web.multipart.MultipartFile;

import dev.tlsconsole.InvalidInputException;

/** Reads uploaded files of the certificate screens and API. */
public final class Uploads {

    private Uploads() {
    }

    /** The file's bytes; an empty array when no file was sent (the services say what is missing). */
    public static byte[] bytes(MultipartFile file) {
        if (file == null) {
            return new byte[0];
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw InvalidInputException.of("file", "the upload could not be read; send it again");
        }
    }
}
