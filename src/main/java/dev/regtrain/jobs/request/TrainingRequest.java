package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/**
 * Epochs, mini-batch size (0 = full batch), the optimizer with its hyper-parameters, the learning-rate schedule,
 * gradient clipping, class weights ({@code "balanced"} or a map from class label to weight) and the floating-point
 * precision the network is trained in.
 */
@Schema(description = "How to train")
public record TrainingRequest(
        @Schema(description = "Passes over the training data", defaultValue = "100", example = "200") Integer epochs,
        @Schema(description = "Examples per mini-batch; 0 = full batch", defaultValue = "32", example = "32")
        Integer batchSize,
        @Schema(description = "The update rule", example = "momentum") String optimizer,
        @Schema(description = "α; default 0.01, or 0.001 for adam and adamw", example = "0.05") Double learningRate,
        @Schema(description = "μ for momentum and nesterov", defaultValue = "0.9") Double momentum,
        @Schema(description = "Adam's decay of the first moment", defaultValue = "0.9") Double beta1,
        @Schema(description = "Adam's decay of the second moment", defaultValue = "0.999") Double beta2,
        @Schema(description = "Adam's ε in α·m̂/(√v̂ + ε)", defaultValue = "1e-8") Double epsilon,
        @Schema(description = "Reshuffle the training examples every epoch", defaultValue = "true") Boolean shuffle,
        ScheduleRequest schedule,
        @Schema(description = "Rescale the whole gradient (every layer together) to this L2 norm when it is longer; "
                + "null = no clipping", example = "1.0") Double clipNorm,
        @Schema(description = "Clip each gradient component to ±value; null = no clipping") Double clipValue,
        @Schema(description = "\"balanced\" (w_c = m/(K·m_c)) or a map from class label to weight (classes not "
                + "named weigh 1); the data term of J becomes Σ w·ℓ / Σ w. null = none",
                example = "balanced", oneOf = {String.class, java.util.Map.class}) Object classWeights,
        @Schema(description = "The floating-point format of the weights, gradients, optimizer state, the prepared "
                + "examples' features and every product while training: float64 (IEEE double) or float32 (single "
                + "precision, faster on large networks, half the memory). Predictions, evaluations and gradient "
                + "checks compute in float64 either way",
                example = "float32")
        String precision) {

    /** Training in the default precision. */
    public TrainingRequest(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Double momentum,
                           Double beta1, Double beta2, Double epsilon, Boolean shuffle, ScheduleRequest schedule,
                           Double clipNorm, Double clipValue, Object classWeights) {
        this(epochs, batchSize, optimizer, learningRate, momentum, beta1, beta2, epsilon, shuffle, schedule, clipNorm,
                clipValue, classWeights, null);
    }

    /** The same training section with more epochs. */
    public TrainingRequest withEpochs(int newEpochs) {
        return new TrainingRequest(newEpochs, batchSize, optimizer, learningRate, momentum, beta1, beta2, epsilon,
                shuffle, schedule, clipNorm, clipValue, classWeights, precision);
    }

    /** The classWeights that weighs each class by the inverse of its share. */
    public static final String BALANCED = "balanced";

    /** Training with a constant learning rate, no clipping and no class weights. */
    public TrainingRequest(Integer epochs, Integer batchSize, String optimizer, Double learningRate, Double momentum,
                           Double beta1, Double beta2, Double epsilon, Boolean shuffle) {
        this(epochs, batchSize, optimizer, learningRate, momentum, beta1, beta2, epsilon, shuffle, null, null, null,
                null);
    }
}
