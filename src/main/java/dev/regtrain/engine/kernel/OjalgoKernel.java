package dev.regtrain.engine.kernel;

import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R032Store;
import org.ojalgo.matrix.store.R064Store;

/**
 * Products by ojalgo's own {@code fillByMultiplying}, which writes into the target without allocating.
 * Transposed operands are ojalgo transpose views, made once when the product is bound.
 */
public final class OjalgoKernel implements MatrixKernel {

    public static final OjalgoKernel INSTANCE = new OjalgoKernel();

    private OjalgoKernel() {
    }

    @Override
    public MatrixProduct bind(R064Store target, R064Store left, boolean transposeLeft, R064Store right,
                              boolean transposeRight) {
        MatrixKernel.checkShapes(target, left, transposeLeft, right, transposeRight);
        MatrixStore<Double> l = transposeLeft ? left.transpose() : left;
        MatrixStore<Double> r = transposeRight ? right.transpose() : right;
        return () -> target.fillByMultiplying(l, r);
    }

    @Override
    public MatrixProduct bind(R032Store target, R032Store left, boolean transposeLeft, R032Store right,
                              boolean transposeRight) {
        MatrixKernel.checkShapes(target, left, transposeLeft, right, transposeRight);
        MatrixStore<Double> l = transposeLeft ? left.transpose() : left;
        MatrixStore<Double> r = transposeRight ? right.transpose() : right;
        return () -> target.fillByMultiplying(l, r);
    }

    @Override
    public String name() {
        return "ojalgo";
    }
}
