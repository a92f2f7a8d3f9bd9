package dev.regtrain.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One epoch's metrics as the API shows them: a value that does not exist, or is not finite, is null. */
@Schema(description = "One epoch's metrics (MATH.md). Values that do not exist for the job, or that are not finite "
        + "(a diverged epoch), are null.")
record MetricsRow(
        @Schema(example = "12") int epoch,
        @Schema(description = "Wall-clock seconds of the epoch", example = "0.041") Double seconds,
        @Schema(example = "0.05") Double learningRate,
        @Schema(description = "trainDataLoss + penalty", example = "0.352") Double trainLoss,
        @Schema(description = "Mean data loss over the epoch's examples as trained (dropout on)", example = "0.339")
        Double trainDataLoss,
        @Schema(description = "l1Penalty + l2Penalty at the end of the epoch", example = "0.013") Double penalty,
        @Schema(example = "0.0") Double l1Penalty,
        @Schema(example = "0.013") Double l2Penalty,
        @Schema(example = "0.87") Double trainAccuracy,
        @Schema(description = "Mean data loss on the validation split, inference mode, no penalty", example = "0.298")
        Double valLoss,
        @Schema(example = "0.90") Double valAccuracy,
        Double trainRmse,
        Double valRmse,
        @Schema(description = "J at the end-of-epoch weights, inference mode over the training split: what a "
                + "train_loss monitor reads (MATH.md). Present only when train_loss is monitored", example = "0.347")
        @JsonInclude(JsonInclude.Include.NON_NULL) Double trainObjective,
        List<LayerRow> layers) {

    /**
     * Per weight layer: weight norms, sparsity, the mean data-gradient norm, and the gradient diagnostics, which are
     * absent where they do not apply (dead units only for relu-like layers, saturation only for sigmoid and tanh
     * layers) and in rows written before they existed.
     */
    record LayerRow(@Schema(example = "1") int layer, @Schema(example = "4.1") Double weightNorm,
                    @Schema(example = "52.0") Double weightL1, @Schema(example = "0.0") Double zeroFraction,
                    @Schema(example = "0.02") Double nearZeroFraction, @Schema(example = "0.3") Double biasNorm,
                    @Schema(example = "0.08") Double gradientNorm,
                    @Schema(description = "‖W_end − W_start‖_F / ‖W_start‖_F over the epoch", example = "0.004")
                    @JsonInclude(JsonInclude.Include.NON_NULL) Double updateRatio,
                    @Schema(description = "Share of the layer's relu-like units that were zero for every example "
                            + "of the epoch", example = "0.0")
                    @JsonInclude(JsonInclude.Include.NON_NULL) Double deadFraction,
                    @Schema(description = "Share of the layer's sigmoid or tanh units whose mean |z| was above 4")
                    @JsonInclude(JsonInclude.Include.NON_NULL) Double saturatedFraction) {
    }

    static MetricsRow of(EpochMetrics m) {
        if (m == null) {
            return null;
        }
        List<LayerRow> layers = m.layers().stream().map(MetricsRow::layer).toList();
        return new MetricsRow(m.epoch(), finite(m.seconds()), finite(m.learningRate()), finite(m.trainLoss()),
                finite(m.trainDataLoss()), finite(m.penalty()), finite(m.l1Penalty()), finite(m.l2Penalty()),
                finite(m.trainAccuracy()), finite(m.valLoss()), finite(m.valAccuracy()), finite(m.trainRmse()),
                finite(m.valRmse()), finite(m.trainObjective()), layers);
    }

    private static LayerRow layer(LayerMetrics l) {
        return new LayerRow(l.layer(), finite(l.weightNorm()), finite(l.weightL1()), finite(l.zeroFraction()),
                finite(l.nearZeroFraction()), finite(l.biasNorm()), finite(l.gradientNorm()), finite(l.updateRatio()),
                finite(l.deadFraction()), finite(l.saturatedFraction()));
    }

    static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
