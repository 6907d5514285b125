package dev.tlsconsole.certificates.authority;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.certificates.inventory.CertificateView;

/** {@code POST /certificates/{id}/revoke}: revocation by the console CA that issued the certificate. */
@ApiController("/certificates")
class RevocationApiController {

    private final RevocationService revocation;

    RevocationApiController(RevocationService revocation) {
        this.revocation = revocation;
    }

    /** Body: an RFC 5280 reason name. */
    record RevokeBody(@Schema(allowableValues = {"unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded",
            "cessationOfOperation", "certificateHold", "removeFromCRL", "privilegeWithdrawn", "aACompromise"}) String reason) {
    }

    @PostMapping("/{id}/revoke")
    CertificateView revoke(@PathVariable long id, @RequestBody RevokeBody body) {
        return revocation.revoke(id, body.reason());
    }
}
