package dev.regtrain.engine.kernel;

import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.structure.Structure2D;

/**
 * Every matrix product of the engine goes through this interface, so that a faster kernel can replace ojalgo's
 * without touching the rest. A product is bound once to its operands (the trainer's preallocated buffers) and then
 * computed once per mini-batch; binding is where a kernel makes its transpose views or packing buffers.
 */
public interface MatrixKernel {

    /**
     * Binds target = op(left) · op(right), where op transposes when asked. The target is overwritten on each
     * {@link MatrixProduct#compute()}; its shape must match the product's.
     */
    MatrixProduct bind(R064Store target, R064Store left, boolean transposeLeft, R064Store right,
                       boolean transposeRight);

    /** The same product in single precision: every operand and the arithmetic are floats. */
    MatrixProduct bind(R032Store target, R032Store left, boolean transposeLeft, R032Store right,
                       boolean transposeRight);

    /** A short name for reports ("ojalgo", "vector"). */
    String name();

    /** A product bound to its operands. */
    @FunctionalInterface
    interface MatrixProduct {
        void compute();

        /**
         * Computes the target's columns {@code columns[0..count)} (increasing) as {@link #compute()} does, for a
         * caller that multiplies every other column by zero afterwards: those hold zeros or what compute() would
         * have written. This default computes every column.
         */
        default void computeColumns(int[] columns, int count) {
            compute();
        }
    }

    static void checkShapes(Structure2D target, Structure2D left, boolean transposeLeft, Structure2D right,
                            boolean transposeRight) {
        int m = transposeLeft ? left.getColDim() : left.getRowDim();
        int kLeft = transposeLeft ? left.getRowDim() : left.getColDim();
        int kRight = transposeRight ? right.getColDim() : right.getRowDim();
        int n = transposeRight ? right.getRowDim() : right.getColDim();
        if (kLeft != kRight || target.getRowDim() != m || target.getColDim() != n) {
            throw new IllegalArgumentException("shape mismatch: " + target.getRowDim() + "x" + target.getColDim()
                    + " = " + m + "x" + kLeft + " · " + kRight + "x" + n);
        }
    }
}
