package dev.tlsconsole.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import dev.tlsconsole.policy.effective.Grade;

/**
 * The topology laid over the supported-component matrix: for each (client type, server type) pair in
 * use, how many connections there are and their grades. The catalog's grid fetches it as JSON and adds
 * a chip to each cell, so the catalog needs no Java dependency on this package.
 */
public final class MatrixOverlay {

    private MatrixOverlay() {
    }

    /**
     * One pair in use.
     *
     * @param worst  the worst grade among its connections (F before C before B …; "-" counts as worst but F)
     * @param grades how many connections have each grade label, best first
     * @param link   the policies page filtered to this pair
     */
    public record Pair(String client, String server, int connections, String worst, String worstClass,
            Map<String, Integer> grades, String link) {
    }

    static List<Pair> of(PolicyRow[] rows) {
        Map<String, Map<Grade, Integer>> counts = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (PolicyRow row : rows) {
            String key = row.clientType() + "\u0000" + row.serverType();
            names.putIfAbsent(key, new String[] {row.clientType(), row.serverType()});
            counts.computeIfAbsent(key, k -> new EnumMap<>(Grade.class)).merge(row.grade(), 1, Integer::sum);
        }
        List<Pair> pairs = new ArrayList<>();
        counts.forEach((key, byGrade) -> {
            String[] pair = names.get(key);
            Grade worst = byGrade.keySet().stream().reduce(Grade::worse).orElseThrow();
            Map<String, Integer> grades = new LinkedHashMap<>();
            byGrade.forEach((grade, n) -> grades.put(grade.label(), n));
            String link = UriComponentsBuilder.fromPath("/policies").queryParam("clientType", pair[0])
                    .queryParam("serverType", pair[1]).encode().toUriString();
            pairs.add(new Pair(pair[0], pair[1], byGrade.values().stream().mapToInt(Integer::intValue).sum(), worst.label(),
                    "grade-" + worst.name().toLowerCase(java.util.Locale.ROOT), grades, link));
        });
        return pairs;
    }
}
