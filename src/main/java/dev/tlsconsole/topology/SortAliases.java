package dev.tlsconsole.topology;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Lets lists be sorted by the names the API shows ({@code sort=host}) although the entity holds a
 * reference ({@code host.name}); other properties pass through and unknown ones are refused by Spring
 * Data with a 400.
 */
public final class SortAliases {

    private SortAliases() {
    }

    public static Pageable apply(Pageable pageable, Map<String, String> aliases) {
        if (pageable.getSort().isUnsorted()) {
            return pageable;
        }
        Sort sort = Sort.by(pageable.getSort().stream()
                .map(order -> order.withProperty(aliases.getOrDefault(order.getProperty(), order.getProperty())))
                .toList());
        return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort) : pageable;
    }
}
