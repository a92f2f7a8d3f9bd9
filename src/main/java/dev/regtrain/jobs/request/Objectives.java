package dev.regtrain.jobs.request;

import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The objective a job minimises, written out with its actual λ and m, e.g.
 * {@code J = (1/m)·Σℓ + (0.5/(2m))·Σ‖W‖²_F, biases not penalised, m = 800}, followed by what acts outside J
 * (proximal L1, decoupled weight decay, max-norm).
 */
public final class Objectives {

    private Objectives() {
    }

    /** @param examples m, or null while the data is not prepared yet */
    public static String describe(JobRequest request, Integer examples) {
        PenaltyRequest p = request.regularization().penalty();
        int layers = request.network().hidden().size() + 1;
        Object classWeights = request.training().classWeights();
        StringBuilder j = new StringBuilder(classWeights == null ? "J = (1/m)·Σℓ" : "J = (1/Σw)·Σw·ℓ");
        boolean penalised = false;
        if (p.layers() == null) {
            penalised |= term(j, p.l2(), p.l1(), "Σ");
        } else {
            for (int l = 1; l <= layers; l++) {
                LayerPenaltyRequest o = p.layers().get(l - 1);
                penalised |= term(j, o == null ? p.l2() : o.l2(), o == null ? p.l1() : o.l1(), "[" + l + "]");
            }
        }
        List<String> notes = new ArrayList<>();
        if (penalised) {
            notes.add(p.regularizeBias() ? "biases penalised like weights" : "biases not penalised");
            if (request.network().hidden().stream().anyMatch(h -> Boolean.TRUE.equals(h.batchNorm()))) {
                notes.add(Boolean.TRUE.equals(p.regularizeBatchNorm()) ? "batch-norm γ and β penalised like weights"
                        : "batch-norm γ and β not penalised");
            }
        }
        if (classWeights != null) {
            notes.add("w = the class weight of each example's label (" + (classWeights instanceof String name ? name
                    : classWeights) + ")");
        }
        Double smoothing = request.regularization().labelSmoothing();
        if (smoothing != null && smoothing > 0) {
            notes.add("ℓ on labels smoothed to (1 − " + Numbers.format(smoothing) + ")·y + " + Numbers.format(smoothing)
                    + "/K");
        }
        if (proximal(p) && anyL1(p)) {
            notes.add("L1 applied by soft-thresholding after each step (proximal), which gives exact zeros");
        }
        if (p.weightDecay() > 0) {
            notes.add("plus decoupled weight decay W ← W − α·" + Numbers.format(p.weightDecay()) + "·W after each step");
        }
        if (p.maxNorm() != null) {
            notes.add("each unit's incoming weights capped at norm " + Numbers.format(p.maxNorm()));
        }
        notes.add(examples == null ? "m = the training examples after the split (known when the job starts)"
                : "m = " + examples);
        return j + ", " + String.join(", ", notes);
    }

    private static boolean term(StringBuilder j, double l2, double l1, String layer) {
        String w = layer.equals("Σ") ? "Σ‖W‖" : "‖W" + layer + "‖";
        if (l2 > 0) {
            j.append(" + (").append(Numbers.format(l2)).append("/(2m))·").append(w).append("²_F");
        }
        if (l1 > 0) {
            j.append(" + (").append(Numbers.format(l1)).append("/m)·").append(w).append("₁");
        }
        return l1 > 0 || l2 > 0;
    }

    /**
     * The regularisation of a resolved request in a few words, as plots caption it and the dashboard shows it, e.g.
     * {@code L2 λ₂ = 0.5 · dropout hidden 0.5 · early stopping on val_loss, patience 10}.
     */
    public static String summary(RegularizationRequest r) {
        List<String> parts = new ArrayList<>();
        PenaltyRequest p = r.penalty();
        if (p != null) {
            if (positive(p.l1())) {
                parts.add((proximal(p) ? "proximal L1" : "L1") + " λ₁ = " + Numbers.format(p.l1()));
            }
            if (positive(p.l2())) {
                parts.add("L2 λ₂ = " + Numbers.format(p.l2()));
            }
            if (positive(p.weightDecay())) {
                parts.add("weight decay " + Numbers.format(p.weightDecay()));
            }
            if (p.maxNorm() != null) {
                parts.add("max-norm " + Numbers.format(p.maxNorm()));
            }
            if (p.layers() != null) {
                parts.add("per-layer penalties");
            }
        }
        DropoutRequest d = r.dropout();
        boolean hiddenDropout = d != null && d.hidden() != null && d.hidden().stream().anyMatch(Objectives::positive);
        if (d != null && (positive(d.input()) || hiddenDropout)) {
            parts.add("dropout " + (positive(d.input()) ? "input " + Numbers.format(d.input()) + ", " : "")
                    + "hidden " + String.join("/", d.hidden().stream().map(Numbers::format).distinct().toList()));
        }
        EarlyStoppingRequest es = r.earlyStopping();
        if (es != null) {
            parts.add("early stopping on " + es.monitor() + ", patience " + es.patience());
        }
        if (r.augmentation() != null) {
            parts.add("augmentation");
        }
        if (positive(r.labelSmoothing())) {
            parts.add("label smoothing ε = " + Numbers.format(r.labelSmoothing()));
        }
        return parts.isEmpty() ? "no regularisation" : String.join(" · ", parts);
    }

    private static boolean proximal(PenaltyRequest p) {
        return p.l1Update() != null && PlanFactory.constant(L1Update.class, p.l1Update()) == L1Update.PROXIMAL;
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }

    private static boolean anyL1(PenaltyRequest p) {
        return p.l1() > 0 || (p.layers() != null && p.layers().stream().anyMatch(o -> o != null && o.l1() > 0));
    }
}
