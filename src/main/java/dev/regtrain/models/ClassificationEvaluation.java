package dev.regtrain.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A classification model on a dataset: the data loss (no penalty), accuracy, the confusion matrix (row i = true
 * class i, column j = predicted class j), per-class precision, recall and F1 (null where they divide by zero), and
 * the ROC AUC of class 1's probability for two classes (null otherwise).
 */
@Schema(description = "A classification's evaluation")
public record ClassificationEvaluation(@Schema(example = "36") int rows, @Schema(example = "0.21") double loss,
                                       @Schema(example = "0.94") double accuracy, List<String> classes,
                                       long[][] confusionMatrix, List<ClassScores> perClass,
                                       @Schema(example = "0.97") Double rocAuc) {

    /** One class's scores; {@code support} is its number of rows. */
    public record ClassScores(@JsonProperty("class") String label, Double precision, Double recall, Double f1,
                              long support) {
    }
}
