package dev.tlsconsole.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.inventory.CertificateFilter;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.PolicyStatistics;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The gauges of API.md § Metrics: {@code console_certificate_not_after_seconds{name,sha256,ca}},
 * {@code console_connections{grade}}, {@code console_connections_by_mode{mode}},
 * {@code console_findings{code,severity}}. {@link #refresh()} reads the inventory and the current
 * resolution; it runs before each scrape (by the scraping admin), so the values are never stale.
 */
@Component
class ConsoleMetrics {

    private final CertificateInventory inventory;
    private final EffectivePolicies policies;
    private final MultiGauge notAfter;
    private final MultiGauge grades;
    private final MultiGauge modes;
    private final MultiGauge findings;

    ConsoleMetrics(CertificateInventory inventory, EffectivePolicies policies, MeterRegistry registry) {
        this.inventory = inventory;
        this.policies = policies;
        this.notAfter = MultiGauge.builder("console.certificate.not.after.seconds")
                .description("notAfter of each certificate in the inventory, epoch seconds").register(registry);
        this.grades = MultiGauge.builder("console.connections").description("Connections by grade").register(registry);
        this.modes = MultiGauge.builder("console.connections.by.mode").description("Connections by mode").register(registry);
        this.findings = MultiGauge.builder("console.findings").description("Connections having each finding").register(registry);
    }

    void refresh() {
        List<MultiGauge.Row<?>> certificates = new ArrayList<>();
        int page = 0;
        while (true) {
            Page<CertificateView> views = inventory.search(CertificateFilter.none(), PageRequest.of(page++, 500, Sort.by("notAfter")));
            for (CertificateView view : views) {
                certificates.add(MultiGauge.Row.of(Tags.of("name", view.name(), "sha256", view.sha256Fingerprint(),
                        "ca", String.valueOf(view.ca())), view.notAfter().getEpochSecond()));
            }
            if (!views.hasNext()) {
                break;
            }
        }
        notAfter.register(certificates, true);
        PolicyStatistics statistics = policies.statistics();
        List<MultiGauge.Row<?>> gradeRows = new ArrayList<>();
        for (Map.Entry<Grade, Integer> grade : statistics.grades().entrySet()) {
            gradeRows.add(MultiGauge.Row.of(Tags.of("grade", grade.getKey().label()), grade.getValue()));
        }
        grades.register(gradeRows, true);
        List<MultiGauge.Row<?>> modeRows = new ArrayList<>();
        for (Map.Entry<Mode, Integer> mode : statistics.modes().entrySet()) {
            modeRows.add(MultiGauge.Row.of(Tags.of("mode", mode.getKey().name()), mode.getValue()));
        }
        modes.register(modeRows, true);
        List<MultiGauge.Row<?>> findingRows = new ArrayList<>();
        for (PolicyStatistics.FindingCount finding : statistics.findings()) {
            findingRows.add(MultiGauge.Row.of(Tags.of("code", finding.code().name(), "severity", finding.code().severity().name()),
                    finding.connections()));
        }
        findings.register(findingRows, true);
    }
}
