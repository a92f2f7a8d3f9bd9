package dev.regtrain.jobs.request;

/** Epochs, mini-batch size (0 = full batch) and the optimizer with its hyper-parameters. */
public record TrainingRequest(Integer epochs, Integer batchSize, String optimizer, Double learningRate,
                              Double momentum, Double beta1, Double beta2, Double epsilon, Boolean shuffle) {
}
