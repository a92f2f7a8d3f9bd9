package dev.regtrain.jobs;

import java.util.List;

/**
 * What the job trains on, known once its data is prepared.
 *
 * @param trainingExamples m, the number of training examples after the split (the m of the objective)
 */
public record DataSummary(String source, String task, int inputs, int outputs, List<String> classes,
                          int trainingExamples, int validationExamples) {
}
