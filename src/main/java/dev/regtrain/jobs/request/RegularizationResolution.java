package dev.regtrain.jobs.request;

import dev.regtrain.common.ApiNames;
import dev.regtrain.engine.Monitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The regularization section resolved: penalty, dropout, early stopping, augmentation and label smoothing. */
record RegularizationResolution(RegularizationRequest echo) {

    static RegularizationResolution resolve(RegularizationRequest regularization, NetworkResolution network,
                                            TrainingResolution training, DatasetShape data, double split,
                                            Checks checks) {
        RegularizationRequest r = regularization != null ? regularization
                : new RegularizationRequest(null, null, null, null);
        PenaltyRequest penalty = penalty(r.penalty(), network, training, checks);
        DropoutRequest dropout = dropout(r.dropout(), network, checks);
        EarlyStoppingRequest earlyStopping = r.earlyStopping() == null ? null
                : earlyStopping(r.earlyStopping(), data, split, checks);
        AugmentationRequest augmentation = Augmentations.resolve(r.augmentation(), data, checks);
        double labelSmoothing = checks.number("regularization.labelSmoothing", r.labelSmoothing(), 0, 0, 1, true);
        if (labelSmoothing > 0 && data != null && !data.classification()) {
            checks.fail("regularization.labelSmoothing", "needs a classification dataset");
        }
        return new RegularizationResolution(new RegularizationRequest(penalty, dropout, earlyStopping, augmentation,
                labelSmoothing));
    }

    private static PenaltyRequest penalty(PenaltyRequest penalty, NetworkResolution network,
                                          TrainingResolution training, Checks checks) {
        PenaltyRequest p = penalty != null ? penalty : new PenaltyRequest(null, null, null, null, null, null, null);
        boolean regularizeBatchNorm = p.regularizeBatchNorm() != null && p.regularizeBatchNorm();
        String prefix = "regularization.penalty.";
        double l1 = checks.number(prefix + "l1", p.l1(), 0, 0, Double.MAX_VALUE, false);
        double l2 = checks.number(prefix + "l2", p.l2(), 0, 0, Double.MAX_VALUE, false);
        boolean regularizeBias = p.regularizeBias() != null && p.regularizeBias();
        String l1Update = Choice.L1_UPDATE.resolve(checks, prefix + "l1Update", p.l1Update());
        double weightDecay = checks.number(prefix + "weightDecay", p.weightDecay(), 0, 0, Double.MAX_VALUE, false);
        if (weightDecay * training.learningRate() >= 1) {
            checks.fail(prefix + "weightDecay", "learningRate × weightDecay must be below 1, or every step would flip"
                    + " the weights' signs; got " + training.learningRate() * weightDecay);
        }
        Double maxNorm = p.maxNorm() == null ? null : checks.positive(prefix + "maxNorm", p.maxNorm(), 1.0);
        List<LayerPenaltyRequest> layers = null;
        if (p.layers() != null) {
            if (p.layers().size() != network.weightLayers()) {
                checks.fail(prefix + "layers", "needs one entry per weight layer (" + network.weightLayers()
                        + ": the hidden layers, then the output); got " + p.layers().size());
            } else {
                layers = new ArrayList<>();
                for (int i = 0; i < p.layers().size(); i++) {
                    LayerPenaltyRequest layer = p.layers().get(i);
                    String field = prefix + "layers[" + i + "].";
                    layers.add(layer == null ? null : new LayerPenaltyRequest(
                            checks.number(field + "l1", layer.l1(), l1, 0, Double.MAX_VALUE, false),
                            checks.number(field + "l2", layer.l2(), l2, 0, Double.MAX_VALUE, false)));
                }
                layers = Collections.unmodifiableList(layers);
            }
        }
        return new PenaltyRequest(l1, l2, regularizeBias, l1Update, weightDecay, maxNorm, layers, regularizeBatchNorm);
    }

    private static DropoutRequest dropout(DropoutRequest dropout, NetworkResolution network, Checks checks) {
        DropoutRequest d = dropout != null ? dropout : new DropoutRequest(null, null);
        String prefix = "regularization.dropout.";
        double input = checks.number(prefix + "input", d.input(), 0, 0, 1, true);
        List<Double> requested = d.hidden() != null ? d.hidden() : List.of(0.0);
        List<Double> hidden = new ArrayList<>();
        if (requested.size() == 1) {
            double rate = rate(prefix + "hidden", requested.get(0), checks);
            hidden.addAll(Collections.nCopies(network.hiddenCount(), rate));
        } else if (requested.size() != network.hiddenCount()) {
            checks.fail(prefix + "hidden", "needs one rate for all hidden layers or one per hidden layer ("
                    + network.hiddenCount() + "); got " + requested.size());
        } else {
            for (int i = 0; i < requested.size(); i++) {
                hidden.add(rate(prefix + "hidden[" + i + "]", requested.get(i), checks));
            }
        }
        return new DropoutRequest(input, List.copyOf(hidden));
    }

    private static double rate(String field, Double value, Checks checks) {
        if (value == null) {
            checks.fail(field, "must be a drop probability in [0, 1)");
            return 0;
        }
        return checks.number(field, value, 0, 0, 1, true);
    }

    private static EarlyStoppingRequest earlyStopping(EarlyStoppingRequest e, DatasetShape data, double split,
                                                      Checks checks) {
        String prefix = "regularization.earlyStopping.";
        String monitor = Monitors.resolve(prefix + "monitor", e.monitor(), Choice.MONITOR.fallback(), data, split,
                checks);
        String mode = Choice.MODE.resolve(checks, prefix + "mode", e.mode());
        if (mode.equals(Choice.AUTO)) {
            boolean higherIsBetter = PlanFactory.monitor(monitor).higherIsBetter();
            mode = ApiNames.of(higherIsBetter ? MonitorMode.MAX : MonitorMode.MIN);
        }
        int patience = checks.integer(prefix + "patience", e.patience(), 10, 0, Integer.MAX_VALUE, null);
        double minDelta = checks.number(prefix + "minDelta", e.minDelta(), 0, 0, Double.MAX_VALUE, false);
        boolean relative = e.relativeDelta() != null && e.relativeDelta();
        int start = checks.integer(prefix + "startFromEpoch", e.startFromEpoch(), 0, 0, Integer.MAX_VALUE, null);
        Double baseline = e.baseline();
        if (baseline != null && !Double.isFinite(baseline)) {
            checks.fail(prefix + "baseline", "must be a finite number");
        }
        boolean restore = e.restoreBestWeights() == null || e.restoreBestWeights();
        return new EarlyStoppingRequest(monitor, mode, patience, minDelta, relative, start, baseline, restore);
    }
}
