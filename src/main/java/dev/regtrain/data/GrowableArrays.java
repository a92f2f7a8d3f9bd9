package dev.regtrain.data;

import java.util.Arrays;

/** Primitive arrays that grow as rows stream in, so that a large upload is never held as boxed values. */
final class GrowableArrays {

    /** The longest array a JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private GrowableArrays() {
    }

    static int grownCapacity(int capacity) {
        if (capacity >= MAX_LENGTH) {
            throw new IllegalStateException("an array cannot grow beyond " + MAX_LENGTH + " elements");
        }
        return (int) Math.min(MAX_LENGTH, Math.max(16L, capacity + (capacity >> 1) + 1L));
    }

    static final class Doubles {

        private double[] values = new double[64];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grownCapacity(values.length));
            }
            values[size++] = value;
        }

        double[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    static final class Ints {

        private int[] values = new int[64];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grownCapacity(values.length));
            }
            values[size++] = value;
        }

        int[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }
}
