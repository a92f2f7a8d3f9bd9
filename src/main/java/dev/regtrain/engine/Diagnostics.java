package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient diagnostics of MATH.md, read from a run's metrics rows; each kind is reported once per layer, at the
 * first epoch its rule holds.
 * <ul>
 * <li>VANISHING_GRADIENTS: for 3 epochs in a row, a layer's {@code gradientNorm} is below 1e−3 times the largest
 * layer's.</li>
 * <li>EXPLODING_GRADIENTS: a layer's {@code gradientNorm} grows by more than 10× within 3 epochs and exceeds 10, or is
 * not finite.</li>
 * <li>DEAD_UNITS: more than half of a relu-like layer's units had zero output for every example of an epoch.</li>
 * <li>SATURATION: more than half of a sigmoid or tanh layer's units had mean |z| &gt; 4 over an epoch.</li>
 * </ul>
 */
public final class Diagnostics {

    static final double VANISHING_RATIO = 1e-3;
    static final int VANISHING_EPOCHS = 3;
    static final double EXPLODING_GROWTH = 10;
    static final double EXPLODING_NORM = 10;
    static final int EXPLODING_WINDOW = 3;
    static final double MAJORITY = 0.5;

    private Diagnostics() {
    }

    public static List<Finding> findings(List<EpochMetrics> history) {
        Map<Finding.Kind, Map<Integer, Finding>> found = new EnumMap<>(Finding.Kind.class);
        Map<Integer, Integer> vanishingRun = new HashMap<>();
        for (int r = 0; r < history.size(); r++) {
            EpochMetrics row = history.get(r);
            double largest = 0;
            int largestLayer = 0;
            for (LayerMetrics layer : row.layers()) {
                if (Double.isFinite(layer.gradientNorm()) && layer.gradientNorm() > largest) {
                    largest = layer.gradientNorm();
                    largestLayer = layer.layer();
                }
            }
            for (LayerMetrics layer : row.layers()) {
                int l = layer.layer();
                double norm = layer.gradientNorm();
                boolean vanishing = largest > 0 && norm < VANISHING_RATIO * largest;
                int run = vanishing ? vanishingRun.getOrDefault(l, 0) + 1 : 0;
                vanishingRun.put(l, run);
                if (run == VANISHING_EPOCHS) {
                    add(found, new Finding(Finding.Kind.VANISHING_GRADIENTS, l, row.epoch() - VANISHING_EPOCHS + 1,
                            "layer " + l + "'s gradient norm was below 1e-3 times the largest layer's for "
                                    + VANISHING_EPOCHS + " epochs in a row (epoch " + row.epoch() + ": "
                                    + Numbers.format(norm) + " against " + Numbers.format(largest) + " at layer "
                                    + largestLayer + "): the gradient vanishes on its way back, so this layer "
                                    + "barely learns. Remedies: an initialisation that suits the activation (He "
                                    + "for relu, Xavier for tanh), batch normalisation, relu-like activations "
                                    + "instead of sigmoid."));
                }
                String growth = explosion(history, r, l);
                if (growth != null) {
                    add(found, new Finding(Finding.Kind.EXPLODING_GRADIENTS, l, row.epoch(), growth));
                }
                if (layer.deadFraction() != null && layer.deadFraction() > MAJORITY) {
                    add(found, new Finding(Finding.Kind.DEAD_UNITS, l, row.epoch(), percent(layer.deadFraction())
                            + " of layer " + l + "'s units gave zero for every example of epoch " + row.epoch()
                            + ": dead units no longer learn. Remedies: a smaller learning rate, He initialisation, "
                            + "batch normalisation, leaky_relu."));
                }
                if (layer.saturatedFraction() != null && layer.saturatedFraction() > MAJORITY) {
                    add(found, new Finding(Finding.Kind.SATURATION, l, row.epoch(),
                            percent(layer.saturatedFraction()) + " of layer " + l + "'s units had a mean |z| above 4"
                                    + " in epoch " + row.epoch() + ", where sigmoid and tanh are flat and pass "
                                    + "almost no gradient. Remedies: Xavier initialisation, batch normalisation, "
                                    + "standardised inputs, a smaller learning rate."));
                }
            }
        }
        List<Finding> all = new ArrayList<>();
        found.values().forEach(byLayer -> all.addAll(byLayer.values()));
        all.sort(Comparator.comparingInt(Finding::fromEpoch).thenComparingInt(Finding::layer)
                .thenComparing(Finding::kind));
        return all;
    }

    /** The sentence when layer l's gradient at row r exploded, else null. */
    private static String explosion(List<EpochMetrics> history, int r, int l) {
        EpochMetrics row = history.get(r);
        double norm = norm(row, l);
        if (!Double.isFinite(norm)) {
            return "layer " + l + "'s gradient norm was " + norm + " in epoch " + row.epoch() + ": "
                    + "the gradient overflowed. " + EXPLODING_REMEDIES;
        }
        if (norm <= EXPLODING_NORM) {
            return null;
        }
        for (int k = 1; k <= EXPLODING_WINDOW && r - k >= 0; k++) {
            double before = norm(history.get(r - k), l);
            if (Double.isFinite(before) && norm > EXPLODING_GROWTH * before) {
                return "layer " + l + "'s gradient norm grew from " + Numbers.format(before) + " in epoch "
                        + history.get(r - k).epoch() + " to " + Numbers.format(norm) + " in epoch " + row.epoch()
                        + ", more than 10 times within 3 epochs. " + EXPLODING_REMEDIES;
            }
        }
        return null;
    }

    private static final String EXPLODING_REMEDIES = "Remedies: a smaller learning rate, gradient clipping "
            + "(training.clipNorm), batch normalisation, an initialisation that suits the activation.";

    private static double norm(EpochMetrics row, int layer) {
        for (LayerMetrics l : row.layers()) {
            if (l.layer() == layer) {
                return l.gradientNorm();
            }
        }
        return Double.NaN;
    }

    private static void add(Map<Finding.Kind, Map<Integer, Finding>> found, Finding finding) {
        found.computeIfAbsent(finding.kind(), k -> new HashMap<>()).putIfAbsent(finding.layer(), finding);
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
