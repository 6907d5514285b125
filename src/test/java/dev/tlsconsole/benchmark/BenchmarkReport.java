package dev.tlsconsole.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of one benchmark run: printed, and written to {@code target/benchmarks/<name>.txt} so the
 * README's table can be refreshed from them. A benchmark measures; it never asserts on time.
 */
final class BenchmarkReport {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkReport.class);

    private final String name;
    private final List<String> lines = new ArrayList<>();

    BenchmarkReport(String name) {
        this.name = name;
        lines.add("# " + name + " — " + Instant.now() + " — " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
    }

    BenchmarkReport figure(String label, double value, String unit) {
        lines.add(String.format(Locale.ROOT, "%-58s %12.1f %s", label, value, unit));
        return this;
    }

    BenchmarkReport note(String text) {
        lines.add(text);
        return this;
    }

    void publish() {
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        log.warn("{}{}", System.lineSeparator(), text);
        try {
            Path dir = Files.createDirectories(Path.of("target", "benchmarks"));
            Files.writeString(dir.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static double percentile(List<Double> values, double percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
