package dev.tlsconsole.policy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Numbers the value classes of one resolution ({@link PairVerdict.ServerClass}, {@link PairVerdict.ClientClass}
 * and the components the catalog reads), equal classes alike, from 1. Each side asks once, when it is
 * built; connections then key the shared verdicts on these numbers, never on the records. Shared by the
 * threads of a bulk resolution, so sides built by different runs agree on their numbers. Also keeps the
 * catalog's verdicts by pair of component numbers, so that the runs of a resolution ask the catalog once
 * per pair (a look-up costs tens of microseconds).
 */
final class ValueClasses {

    private final ConcurrentHashMap<Object, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger last = new AtomicInteger();
    private final ConcurrentHashMap<Long, LinkRules.LinkVerdict> links = new ConcurrentHashMap<>();

    int id(Record valueClass) {
        Integer id = ids.get(valueClass);
        return id != null ? id : ids.computeIfAbsent(valueClass, key -> last.incrementAndGet());
    }

    /** The catalog's verdict for a (client component, server component) key, asked once per resolution. */
    LinkRules.LinkVerdict link(long components, Supplier<LinkRules.LinkVerdict> check) {
        return links.computeIfAbsent(components, key -> check.get());
    }
}
