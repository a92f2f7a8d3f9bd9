package dev.regtrain.engine.kernel;

import java.util.Objects;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.structure.Structure2D;

/**
 * Products by register-tiled micro-kernels on {@code jdk.incubator.vector} ({@link VectorMicroKernel}), working on the
 * stores' column-major arrays. Supports the three layouts the engine binds: NN (forward), TN (weight gradient) and
 * NT (backward); both operands transposed is rejected. Needs {@code --add-modules jdk.incubator.vector}; select it
 * through {@link Kernels}, which loads this class only when the module is present.
 *
 * <p>TN products whose right operand is mostly zeros (the weight gradients of layers behind relu and dropout) skip
 * the zeros ({@link VectorSparseColumns}), with the same result bit for bit.
 *
 * <p>Deterministic: every element of the target is one fixed chain of fused multiply-adds over the inner dimension,
 * so the same operands give bit-identical results on every call, with or without a parallel {@link TaskRunner}.
 */
public final class VectorKernel implements MatrixKernel {

    /** The kernel on the calling thread, with the tile width that suits this JVM. */
    public static final VectorKernel INSTANCE = new VectorKernel(TaskRunner.SEQUENTIAL,
            VectorMicroKernel.PREFERRED_COLUMNS, Sparsity.DEFAULT);

    private final TaskRunner runner;
    private final int tileColumns;
    private final Sparsity sparsity;

    private VectorKernel(TaskRunner runner, int tileColumns, Sparsity sparsity) {
        if (tileColumns != VectorMicroKernel.WIDE && tileColumns != VectorMicroKernel.NARROW) {
            throw new IllegalArgumentException("a tile is " + VectorMicroKernel.WIDE + " or "
                    + VectorMicroKernel.NARROW + " columns wide, not " + tileColumns);
        }
        this.runner = runner;
        this.tileColumns = tileColumns;
        this.sparsity = sparsity;
    }

    /**
     * A kernel that splits each large product into {@code runner.parallelism()} parts run by {@code runner}; results
     * are bit-identical to {@link #INSTANCE}'s.
     */
    public static VectorKernel parallel(TaskRunner runner) {
        return new VectorKernel(Objects.requireNonNull(runner, "runner"), VectorMicroKernel.PREFERRED_COLUMNS,
                Sparsity.DEFAULT);
    }

    /**
     * This kernel with tiles of the given width (6 or 4 columns) instead of the one that suits this JVM: the same
     * results bit for bit, at another speed (for tests and {@code bench/gemm}).
     */
    VectorKernel withTileColumns(int columns) {
        return new VectorKernel(runner, columns, sparsity);
    }

    /**
     * This kernel without its skipping of zeros (no sparse weight gradients, no live-column forward products): the
     * same results bit for bit, as fast as a dense product is, for comparisons
     * ({@code bench/r1 --kernel vector-dense}).
     */
    public VectorKernel dense() {
        return withSparsity(Sparsity.NEVER);
    }

    /**
     * This kernel with another policy for the sparse path of TN products (never, always): the same results bit for
     * bit, at another speed (for tests and {@code bench/gemm}).
     */
    public VectorKernel withSparsity(Sparsity policy) {
        return new VectorKernel(runner, tileColumns, Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public MatrixProduct bind(R064Store target, R064Store left, boolean transposeLeft, R064Store right,
                              boolean transposeRight) {
        check(target, left, transposeLeft, right, transposeRight, target.data == left.data
                || target.data == right.data);
        return new VectorProduct<>(VectorLanes.DOUBLE, target.data, left.data, transposeLeft, right.data,
                transposeRight, target.getRowDim(), depth(left, transposeLeft), target.getColDim(), runner,
                tileColumns, sparsity);
    }

    /** The same on {@code FloatVector}: tiles of 2 × 8 rows with AVX2, the same chains of fused multiply-adds. */
    @Override
    public MatrixProduct bind(R032Store target, R032Store left, boolean transposeLeft, R032Store right,
                              boolean transposeRight) {
        check(target, left, transposeLeft, right, transposeRight, target.data == left.data
                || target.data == right.data);
        return new VectorProduct<>(VectorLanes.FLOAT, target.data, left.data, transposeLeft, right.data,
                transposeRight, target.getRowDim(), depth(left, transposeLeft), target.getColDim(), runner,
                tileColumns, sparsity);
    }

    private static void check(Structure2D target, Structure2D left, boolean transposeLeft, Structure2D right,
                              boolean transposeRight, boolean targetIsOperand) {
        MatrixKernel.checkShapes(target, left, transposeLeft, right, transposeRight);
        if (transposeLeft && transposeRight) {
            throw new IllegalArgumentException("the vector kernel supports NN, TN and NT products, not TT");
        }
        if (targetIsOperand) {
            throw new IllegalArgumentException("the target of a product must not be one of its operands");
        }
    }

    private static int depth(Structure2D left, boolean transposeLeft) {
        return transposeLeft ? left.getRowDim() : left.getColDim();
    }

    /** "vector", "vector-2t" for a kernel whose runner runs 2 parts at once, "vector-dense" for {@link #dense()}. */
    @Override
    public String name() {
        int threads = runner.parallelism();
        String name = sparsity.skipsZeros() ? "vector" : "vector-dense";
        return threads > 1 ? name + "-" + threads + "t" : name;
    }
}
