package dev.tlsconsole.catalog;

import java.util.List;

/**
 * How a piece of seed text that is not itself a component name maps to components: a section heading
 * ("Media Layer Components") or a garbled table cell ("Web ADI Comerciano 9 1 0 and"). The drift test uses
 * it to prove every part of the seed is covered; the UI can use it to cite sources.
 *
 * @param seedText   the heading or cell as it appears in the seed
 * @param components canonical names of the components it stands for
 * @param reading    why this mapping, when it is not obvious
 */
public record SeedMapping(String seedText, List<String> components, String reading) {

    public SeedMapping {
        components = List.copyOf(components);
    }
}
