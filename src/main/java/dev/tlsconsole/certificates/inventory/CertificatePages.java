package dev.tlsconsole.certificates.inventory;

import java.util.Arrays;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.tlsconsole.certificates.inventory.CertificateForms.ExportForm;
import dev.tlsconsole.certificates.inventory.CertificateForms.RenameForm;
import dev.tlsconsole.certificates.x509.RevocationReason;

/**
 * Fills the model of a certificate's page, which the handlers of each of its forms render again when the form
 * needs fixing (rename, key export here; revoke and the deployment bundle in the features that own them). The
 * form being fixed is already in the model, with its input and its problems; the others start empty.
 */
@Component
public class CertificatePages {

    static final String DETAIL_VIEW = "certificates/detail";

    private final CertificateInventory inventory;

    CertificatePages(CertificateInventory inventory) {
        this.inventory = inventory;
    }

    /** The page of certificate {@code id}; returns its view name. */
    public String detail(long id, Model model) {
        if (!model.containsAttribute("renameForm")) {
            model.addAttribute("renameForm", RenameForm.of(inventory.get(id)));
        }
        if (!model.containsAttribute("exportForm")) {
            model.addAttribute("exportForm", new ExportForm());
        }
        if (!model.containsAttribute("revokeForm")) {
            model.addAttribute("revokeForm", new RevokeForm());
        }
        if (!model.containsAttribute("bundleForm")) {
            model.addAttribute("bundleForm", new BundleForm());
        }
        model.addAttribute("detail", inventory.detail(id));
        model.addAttribute("reasons", Arrays.stream(RevocationReason.values())
                .filter(reason -> reason != RevocationReason.REMOVE_FROM_CRL).toList());
        model.addAttribute("exportFormats", KeyExport.Format.values());
        return DETAIL_VIEW;
    }
}
