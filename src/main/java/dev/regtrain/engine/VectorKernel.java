package dev.regtrain.engine;

import org.ojalgo.matrix.store.R064Store;

/**
 * Products by register-tiled micro-kernels on {@code jdk.incubator.vector} ({@link VectorMicroKernel}), working on the
 * stores' column-major arrays. Supports the three layouts the engine binds: NN (forward), TN (weight gradient) and
 * NT (backward); both operands transposed is rejected. Needs {@code --add-modules jdk.incubator.vector}; select it
 * through {@link Kernels}, which loads this class only when the module is present.
 *
 * <p>Deterministic: every element of the target is one fixed chain of fused multiply-adds over the inner dimension,
 * so the same operands give bit-identical results on every call.
 */
public final class VectorKernel implements MatrixKernel {

    public static final VectorKernel INSTANCE = new VectorKernel();

    private VectorKernel() {
    }

    @Override
    public MatrixProduct bind(R064Store target, R064Store left, boolean transposeLeft, R064Store right,
                              boolean transposeRight) {
        MatrixKernel.checkShapes(target, left, transposeLeft, right, transposeRight);
        if (transposeLeft && transposeRight) {
            throw new IllegalArgumentException("the vector kernel supports NN, TN and NT products, not TT");
        }
        if (target.data == left.data || target.data == right.data) {
            throw new IllegalArgumentException("the target of a product must not be one of its operands");
        }
        return new VectorProduct(target, left, transposeLeft, right, transposeRight);
    }

    @Override
    public String name() {
        return "vector";
    }

    /** The vector shape the tiles use on this machine, e.g. "Species[double, 4, S_256_BIT], tile 8x6". */
    public static String describe() {
        return VectorMicroKernel.SPECIES + ", tile " + VectorMicroKernel.MR + "x" + VectorMicroKernel.NR;
    }
}
