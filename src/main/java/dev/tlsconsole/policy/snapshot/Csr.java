package dev.tlsconsole.policy.snapshot;

import java.util.Arrays;

/**
 * A compact one-to-many index (compressed sparse rows): the items of group {@code g} are
 * {@code items[offsets[g] .. offsets[g + 1])}, in ascending order. Two int arrays instead of a map
 * of lists keeps a 100,000-connection topology's indexes at a few hundred kilobytes.
 */
final class Csr {

    private final int[] offsets;
    private final int[] items;

    private Csr(int[] offsets, int[] items) {
        this.offsets = offsets;
        this.items = items;
    }

    /** Groups item {@code i} under {@code groupOfItem[i]}. */
    static Csr build(int groups, int[] groupOfItem) {
        int[] offsets = new int[groups + 1];
        for (int group : groupOfItem) {
            offsets[group + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] next = Arrays.copyOf(offsets, groups);
        int[] items = new int[groupOfItem.length];
        for (int i = 0; i < groupOfItem.length; i++) {
            items[next[groupOfItem[i]]++] = i;
        }
        return new Csr(offsets, items);
    }

    int[] get(int group) {
        return Arrays.copyOfRange(items, offsets[group], offsets[group + 1]);
    }

    /** The sorted union of the groups {@code a} of this index and {@code b} of {@code other}. */
    int[] union(int a, Csr other, int b) {
        int i = offsets[a];
        int iEnd = offsets[a + 1];
        int j = other.offsets[b];
        int jEnd = other.offsets[b + 1];
        int[] out = new int[(iEnd - i) + (jEnd - j)];
        int n = 0;
        while (i < iEnd || j < jEnd) {
            int next;
            if (j == jEnd || (i < iEnd && items[i] < other.items[j])) {
                next = items[i++];
            } else if (i == iEnd || other.items[j] < items[i]) {
                next = other.items[j++];
            } else {
                next = items[i++];
                j++;
            }
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    /** The sorted union of two ascending arrays without repeats. */
    static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                out[n++] = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                out[n++] = b[j++];
            } else {
                out[n++] = a[i++];
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
