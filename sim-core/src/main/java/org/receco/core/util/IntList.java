package org.receco.core.util;

import java.util.Arrays;

/** A growable list of primitive ints (no boxing). */
public final class IntList {
    private int[] a;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        a = new int[Math.max(1, capacity)];
    }

    public void add(int v) {
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[size++] = v;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        return a[i];
    }

    public void set(int i, int v) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i + " >= " + size);
        }
        a[i] = v;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** The backing array; valid entries are {@code [0, size())}. */
    public int[] raw() {
        return a;
    }

    public int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
