package dev.tlsconsole.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** A page of a list: {@code {items, page, size, totalElements}} (API.md "Lists"). */
public record PageResponse<T>(List<T> items, int page, int size, long totalElements) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }

    /** A short list served whole, as one page (notification channels, API tokens). */
    /** Every item on page 0; the page size is the item count, at least 1, so a client's page count is never 0/0. */
    public static <T> PageResponse<T> all(List<T> items) {
        return new PageResponse<>(items, 0, Math.max(items.size(), 1), items.size());
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
