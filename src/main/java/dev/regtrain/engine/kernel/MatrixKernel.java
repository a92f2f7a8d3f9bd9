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

        /**
         * Whether {@link #computeColumns} may skip the columns it was not given (so a caller that finds them only for
         * it need not find them where it computes every column). This default computes every column.
         */
        default boolean computesChosenColumns() {
            return false;
        }

        /**
         * {@link #compute()}, then {@code then} on every column of the target exactly once, in contiguous ranges; a
         * kernel that splits the product into parts runs each range in the part that wrote those columns, right
         * after it (while they are in cache, and without waiting for the other parts). Returns false, having done
         * nothing, if this product cannot; the caller then computes and works on the columns itself. This default
         * cannot.
         */
        default boolean computeThen(ColumnWork then) {
            return false;
        }

        /** {@link #computeColumns} followed by {@code then} as in {@link #computeThen}; false if it cannot. */
        default boolean computeColumnsThen(int[] columns, int count, ColumnWork then) {
            return false;
        }

        /**
         * Offers this product a list of the columns of its left operand (as stored: A's columns for an NN product,
         * the rows of op(A) = Aᵀ for a TN one) that hold a non-zero, which the caller promises to keep current:
         * collected ({@link LiveColumns#collect()}) after the operand was last written and before every compute
         * from now on. Returns whether this product reads it instead of finding those columns itself; the caller
         * need not keep a list nobody reads. This default skips no zeros and reads nothing.
         */
        default boolean readLiveColumns(LiveColumns ofLeft) {
            return false;
        }
    }

    /** Element-wise work on the columns [fromColumn, toColumn) of a product's target once they hold their values. */
    @FunctionalInterface
    interface ColumnWork {
        void apply(int fromColumn, int toColumn);
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
