package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;

/**
 * The full-batch objective J(W, b) = (1/m)·Σᵢ ℓ(aᵢ, yᵢ) + (λ₂/(2m))·Σₗ‖W[l]‖²_F + (λ₁/m)·Σₗ‖W[l]‖₁ of a network on a
 * set of examples, in inference mode, and its gradient. It runs the same forward, backward and penalty code as
 * training, so checking it against finite differences or an independent solver checks the trainer's arithmetic.
 */
public final class Objective {

    private final Network network;
    private final Network gradients;
    private final Penalties penalties;
    private final Workspace workspace;
    private final Examples data;

    /** Binds to {@code network}: later changes to its weights are seen by {@link #value()} and {@link #gradient()}. */
    public Objective(Network network, PenaltySpec penalty, Examples data, MatrixKernel kernel) {
        this.network = network;
        this.data = data;
        this.gradients = Network.zeros(network.spec());
        PenaltySpec smooth = new PenaltySpec(penalty.l1(), penalty.l2(), penalty.regularizeBias(),
                L1Update.SUBGRADIENT, penalty.weightDecay(), penalty.maxNorm(), penalty.layers());
        this.penalties = new Penalties(smooth, data.rows());
        this.workspace = new Workspace(network, data.rows(), null, gradients, kernel);
    }

    /** J at the network's current weights. */
    public double value() {
        workspace.gather(data, null, 0);
        workspace.forward(null);
        return workspace.lossSum() / data.rows() + penalties.l1Value(network) + penalties.l2Value(network);
    }

    /** The data part (1/m)·Σℓ alone. */
    public double dataLoss() {
        workspace.gather(data, null, 0);
        workspace.forward(null);
        return workspace.lossSum() / data.rows();
    }

    /** ∂J/∂θ in {@link Network#parameters()} order, with (λ₁/m)·sign(w) for the L1 term, sign(0) = 0. */
    public double[][] gradient() {
        workspace.gather(data, null, 0);
        workspace.forward(null);
        workspace.backward();
        double[][] result = new double[network.parameters().size()][];
        for (int i = 0; i < result.length; i++) {
            double[] g = gradients.parameters().get(i).values();
            penalties.addGradient(network.parameters().get(i), g);
            result[i] = g.clone();
        }
        return result;
    }
}
