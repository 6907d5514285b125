package dev.tlsconsole.certificates.crl;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.certificates.Uploads;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;
import dev.tlsconsole.SortableBy;

/** The CRL screens: every stored CRL, importing an external CA's CRL, one CRL's entries. */
@Controller
@RequestMapping("/crls")
class CrlController {

    static final String LIST_VIEW = "crls/list";
    static final String IMPORT_VIEW = "crls/import";
    static final String DETAIL_VIEW = "crls/detail";

    private final CrlReads reads;
    private final CrlImport importer;

    CrlController(CrlReads reads, CrlImport importer) {
        this.reads = reads;
        this.importer = importer;
    }

    @GetMapping
    String list(@RequestParam(required = false) String issuer,
            @SortableBy({"issuer", "thisUpdate", "nextUpdate", "createdAt"}) @PageableDefault(size = 25, sort = "thisUpdate", direction = Sort.Direction.DESC) Pageable pageable, Model model) {
        model.addAttribute("page", reads.search(issuer, pageable));
        model.addAttribute("issuer", issuer);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String importForm(@ModelAttribute("form") ImportForm form) {
        return IMPORT_VIEW;
    }

    @PostMapping("/new")
    String importCrl(@ModelAttribute("form") ImportForm form, BindingResult binding, RedirectAttributes redirect) {
        boolean hasFile = form.getFile() != null && !form.getFile().isEmpty();
        return FormSubmission.of(binding).conflictAboveForm().submit(() -> {
            CrlView imported = hasFile ? importer.importCrl(Uploads.bytes(form.getFile()), "file") : importer.importPem(form.getCrlPem());
            redirect.addFlashAttribute("success", "crls.imported");
            redirect.addFlashAttribute("successArg", imported.issuer());
            return ObjectLinks.redirect(ObjectLinks.crl(imported.id()));
        }, () -> IMPORT_VIEW);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("crl", reads.get(id));
        return DETAIL_VIEW;
    }

    @GetMapping("/{id}/crl")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(required = false) String format) {
        return CrlDownload.of(reads.der(id), format, "crl-" + id);
    }

    /** The import form: an uploaded file, or pasted PEM. */
    static class ImportForm {
        private MultipartFile file;
        private String crlPem;

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }

        public String getCrlPem() {
            return crlPem;
        }

        public void setCrlPem(String crlPem) {
            this.crlPem = crlPem;
        }
    }
}
