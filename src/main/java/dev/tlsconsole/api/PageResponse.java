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
    public static <T> PageResponse<T> all(List<T> items) {
        return new PageResponse<>(items, 0, items.size(), items.size());
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
