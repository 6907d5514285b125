package dev.tlsconsole.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Values computed once per dense index during one resolution. A bulk run keeps them in an array; a run
 * that resolves a handful of connections (one REST call) keeps them in a small map instead, so that it
 * does not allocate arrays sized for the whole topology.
 */
final class Memo<T> {

    private final Object[] dense;
    private final Map<Integer, T> sparse;

    private Memo(int size, boolean bulk) {
        this.dense = bulk ? new Object[size] : null;
        this.sparse = bulk ? null : new HashMap<>();
    }

    static <T> Memo<T> of(int size, boolean bulk) {
        return new Memo<>(size, bulk);
    }

    /** A bulk memo holding {@code computed} already (copied: the array may be shared with other threads). */
    static <T> Memo<T> startingWith(T[] computed) {
        return new Memo<>(computed.clone());
    }

    private Memo(Object[] dense) {
        this.dense = dense;
        this.sparse = null;
    }

    @SuppressWarnings("unchecked")
    T get(int index, IntFunction<T> compute) {
        if (dense != null) {
            Object value = dense[index];
            if (value == null) {
                value = compute.apply(index);
                dense[index] = value;
            }
            return (T) value;
        }
        T value = sparse.get(index);
        if (value == null) {
            value = compute.apply(index);
            sparse.put(index, value);
        }
        return value;
    }
}
