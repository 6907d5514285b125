package dev.tlsconsole.certificates.authority;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.crl.CrlStore;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;

/** What any signed-in user may read about the console's CAs: the list, one CA, its latest CRL. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class AuthorityReads {

    private final AuthorityRepository authorities;
    private final AuthorityViews views;
    private final CrlStore crls;

    AuthorityReads(AuthorityRepository authorities, AuthorityViews views, CrlStore crls) {
        this.authorities = authorities;
        this.views = views;
        this.crls = crls;
    }

    /** Every console CA, by name. */
    public List<AuthorityView> list() {
        return authorities.findAllByOrderByNameAsc().stream().map(views::view).toList();
    }

    /** One console CA. */
    public AuthorityView get(long id) {
        return views.view(views.require(id));
    }

    /** The latest CRL of CA {@code id} as signed (DER). */
    public byte[] latestCrl(long id) {
        CertificateAuthority ca = views.require(id);
        return crls.latestOfAuthority(ca.getId()).map(Crl::der)
                .orElseThrow(() -> new NotFoundException("The CA '" + ca.getName() + "' has not published a CRL yet"));
    }
}
