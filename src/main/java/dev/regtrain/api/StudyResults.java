package dev.regtrain.api;

import dev.regtrain.studies.FoldRecord;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyResult;
import dev.regtrain.studies.TrialRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A study's results: one row per trial × fold (the refit is not a row), as JSON or as CSV (Jackson's CSV module, as
 * the metrics use) with columns {@code trial}, {@code fold}, {@code repeat}, {@code job}, one per searched parameter
 * named by its path, {@code value}, {@code bestEpoch}, {@code status}.
 */
final class StudyResults {

    private static final CsvMapper MAPPER = CsvMapper.builder().build();

    private StudyResults() {
    }

    @Schema(name = "StudyResultRow", description = "One trial × fold")
    record Row(int trial, int fold, int repeat, String job, Map<String, Double> parameters, Double value,
               Integer bestEpoch, String status, String reason) {
    }

    @Schema(name = "StudyResults", description = "A study's rows and how it chose")
    record Results(String studyId, String metric, List<Row> rows, StudyResult result) {
    }

    static Results of(StudyRecord study) {
        List<Row> rows = new ArrayList<>();
        for (TrialRecord trial : study.trials()) {
            for (FoldRecord fold : trial.folds()) {
                rows.add(new Row(trial.trial(), fold.fold(), fold.repeat(), fold.job(), trial.parameters(),
                        fold.value(), fold.bestEpoch(), fold.status() == null ? null : fold.status().name(),
                        fold.reason()));
            }
        }
        return new Results(study.id(), study.request().selection().metric(), rows, study.result());
    }

    static String csv(StudyRecord study) {
        List<String> parameters = List.copyOf(study.request().search().parameters().keySet());
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setNullValue("");
        List.of("trial", "fold", "repeat", "job").forEach(schema::addColumn);
        parameters.forEach(schema::addColumn);
        List.of("value", "bestEpoch", "status").forEach(schema::addColumn);
        List<Object[]> cells = new ArrayList<>();
        for (Row row : of(study).rows()) {
            List<Object> cell = new ArrayList<>(List.of(row.trial(), row.fold(), row.repeat()));
            cell.add(row.job());
            parameters.forEach(p -> cell.add(row.parameters().get(p)));
            cell.add(MetricsRow.finite(row.value()));
            cell.add(row.bestEpoch());
            cell.add(row.status());
            cells.add(cell.toArray());
        }
        return MAPPER.writer(schema.build()).writeValueAsString(cells);
    }
}
