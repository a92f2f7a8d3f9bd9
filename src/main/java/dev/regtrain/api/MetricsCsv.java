package dev.regtrain.api;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Metrics rows as CSV (Jackson's CSV module, already used for uploads): one column per scalar, per-layer values as
 * {@code layer1.weightNorm} etc.; a value that does not exist or is not finite is an empty cell.
 */
final class MetricsCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder().build();
    private static final List<String> SCALARS = List.of("epoch", "seconds", "learningRate", "trainLoss",
            "trainDataLoss", "penalty", "l1Penalty", "l2Penalty", "trainAccuracy", "valLoss", "valAccuracy",
            "trainRmse", "valRmse", "trainObjective");
    private static final List<String> PER_LAYER = List.of("weightNorm", "weightL1", "zeroFraction",
            "nearZeroFraction", "biasNorm", "gradientNorm", "updateRatio", "deadFraction", "saturatedFraction");

    private MetricsCsv() {
    }

    static String write(List<EpochMetrics> rows, int layers) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setNullValue("");
        SCALARS.forEach(schema::addColumn);
        for (int l = 1; l <= layers; l++) {
            for (String name : PER_LAYER) {
                schema.addColumn("layer" + l + "." + name);
            }
        }
        List<Object[]> cells = new ArrayList<>(rows.size());
        for (EpochMetrics m : rows) {
            List<Object> row = new ArrayList<>(List.of(m.epoch()));
            for (Double v : List.of(m.seconds(), m.learningRate(), m.trainLoss(), m.trainDataLoss(), m.penalty(),
                    m.l1Penalty(), m.l2Penalty())) {
                row.add(MetricsRow.finite(v));
            }
            for (Double v : java.util.Arrays.asList(m.trainAccuracy(), m.valLoss(), m.valAccuracy(), m.trainRmse(),
                    m.valRmse(), m.trainObjective())) {
                row.add(MetricsRow.finite(v));
            }
            for (LayerMetrics layer : m.layers()) {
                for (Double v : java.util.Arrays.asList(layer.weightNorm(), layer.weightL1(), layer.zeroFraction(),
                        layer.nearZeroFraction(), layer.biasNorm(), layer.gradientNorm(), layer.updateRatio(),
                        layer.deadFraction(), layer.saturatedFraction())) {
                    row.add(MetricsRow.finite(v));
                }
            }
            cells.add(row.toArray());
        }
        return MAPPER.writer(schema.build()).writeValueAsString(cells);
    }
}
