package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;

/**
 * The full-batch objective J(W, b) = (1/m)·Σᵢ ℓ(aᵢ, yᵢ) + (λ₂/(2m))·Σₗ ‖W[l]‖²_F + (λ₁/m)·Σₗ ‖W[l]‖₁ of a network on a
 * set of examples, with dropout off, and its gradient; with label smoothing the targets are smoothed, with class
 * weights the data term is (1/Σᵢw_{yᵢ})·Σᵢ w_{yᵢ}·ℓᵢ, and batch-normalised layers normalise with the statistics of
 * the examples given (the objective a training step differentiates). It runs the same forward, backward and penalty
 * code as training, so checking it against finite differences or an independent solver checks the trainer's
 * arithmetic.
 */
public final class Objective {

    private final Network network;
    private final Network gradients;
    private final Penalties penalties;
    private final Workspace<double[]> workspace;
    private final Examples data;

    /** Binds to {@code network}: later changes to its weights are seen by {@link #value()} and {@link #gradient()}. */
    public Objective(Network network, PenaltySpec penalty, Examples data, MatrixKernel kernel) {
        this(network, penalty, LossSpec.PLAIN, data, data.rows(), kernel);
    }

    /**
     * @param penaltyExamples the m of the penalty terms' λ/m: the job's training examples when {@code data} is a
     *                        sample of them, so that the penalties are the job's own
     */
    public Objective(Network network, PenaltySpec penalty, LossSpec loss, Examples data, int penaltyExamples,
                     MatrixKernel kernel) {
        this.network = network;
        this.data = data;
        this.gradients = Network.zeros(network.spec());
        this.penalties = new Penalties(penalty.withSubgradientL1(), penaltyExamples);
        this.workspace = Workspace.of(network, data.rows(), null, gradients, kernel);
        workspace.smoothLabels(loss.labelSmoothing());
        workspace.weightExamples(loss.classWeights().exampleWeights(data));
    }

    /** J at the network's current weights. */
    public double value() {
        NetworkValues<double[]> values = NetworkValues.of(network);
        return dataLoss() + penalties.l1Value(values) + penalties.l2Value(values);
    }

    /** The data part (1/m)·Σℓ alone (weighted and with smoothed targets when the loss says so). */
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

    /** Whether the penalty puts an L1 kink at 0 on this parameter (a finite difference across it is meaningless). */
    boolean hasL1Kink(Parameter p) {
        return penalties.applies(p) && penalties.l1(p) > 0;
    }
}
