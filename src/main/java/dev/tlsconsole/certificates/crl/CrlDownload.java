package dev.tlsconsole.certificates.crl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A CRL as an HTTP download: DER ({@code application/pkix-crl}, RFC 2585) or PEM. */
public final class CrlDownload {

    /** The media type of a DER CRL (RFC 2585 §4.2). */
    public static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private CrlDownload() {
    }

    /**
     * @param format {@code pem} for PEM text, {@code der} or null for DER; anything else is a 400 naming
     *               {@code format} (rather than DER the client did not ask for)
     * @param name   file name without extension
     */
    public static ResponseEntity<byte[]> of(byte[] der, String format, String name) {
        if (format != null && !format.isBlank() && !format.strip().equalsIgnoreCase("pem")
                && !format.strip().equalsIgnoreCase("der")) {
            throw dev.tlsconsole.InvalidInputException.of("format", "'" + format.strip() + "' is not a CRL format: use der (the default) or pem");
        }
        boolean pem = format != null && "pem".equalsIgnoreCase(format.strip());
        byte[] body = pem ? pem(der).getBytes(StandardCharsets.US_ASCII) : der;
        return ResponseEntity.ok()
                .contentType(pem ? MediaType.parseMediaType("application/x-pem-file") : PKIX_CRL)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + (pem ? ".crl.pem" : ".crl")).build().toString())
                .body(body);
    }

    /** A CRL as PEM text ({@code -----BEGIN X509 CRL-----}). */
    public static String pem(byte[] der) {
        return "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END X509 CRL-----\n";
    }
}
