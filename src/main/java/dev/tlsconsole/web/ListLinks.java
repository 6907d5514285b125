package dev.tlsconsole.web;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of list pages that keep every filter of the current request: {@code ${links.sort('name', page.sort)}}
 * toggles the sort on a column and goes back to the first page; {@code ${links.page(3)}} moves to
 * another page. Exposed to every page as the model attribute {@code links}.
 */
@Component
public class ListLinks {

    /** The current URL sorted by {@code property}: ascending, or descending when it is already ascending. */
    public String sort(String property, Sort current) {
        Sort.Order order = current == null ? null : current.getOrderFor(property);
        String direction = order != null && order.isAscending() ? "desc" : "asc";
        return current().replaceQueryParam("sort", property + "," + direction).replaceQueryParam("page")
                .build().encode().toUriString();
    }

    /** {@code asc}, {@code desc} or empty: for the column header's indicator and aria-sort. */
    public String direction(String property, Sort current) {
        Sort.Order order = current == null ? null : current.getOrderFor(property);
        return order == null ? "" : order.isAscending() ? "asc" : "desc";
    }

    /** The current URL at another page. */
    public String page(int page) {
        return current().replaceQueryParam("page", page).build().encode().toUriString();
    }

    private static UriComponentsBuilder current() {
        return ServletUriComponentsBuilder.fromCurrentRequest().scheme(null).host(null).port(null);
    }
}
