package dev.tlsconsole.policy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Numbers the value classes of one resolution ({@link PairVerdict.ServerClass}, {@link PairVerdict.ClientClass}
 * and the components the catalog reads), equal classes alike, from 1. Each side asks once, when it is
 * built; connections then key the shared verdicts on these numbers, never on the records. Shared by the
 * threads of a bulk resolution, so sides built by different runs agree on their numbers.
 */
final class ValueClasses {

    private final ConcurrentHashMap<Object, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger last = new AtomicInteger();

    int id(Record valueClass) {
        Integer id = ids.get(valueClass);
        return id != null ? id : ids.computeIfAbsent(valueClass, key -> last.incrementAndGet());
    }
}
