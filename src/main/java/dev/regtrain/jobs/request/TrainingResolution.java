package dev.regtrain.jobs.request;

import dev.regtrain.config.RegtrainProperties;
import java.util.List;

/** The training section resolved: epochs, batch size and the optimizer with its defaults. */
record TrainingResolution(TrainingRequest echo) {

    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "adam", "adamw");

    String optimizer() {
        return echo.optimizer();
    }

    double learningRate() {
        return echo.learningRate();
    }

    static TrainingResolution resolve(TrainingRequest training, RegtrainProperties.Limits limits, Checks checks) {
        TrainingRequest t = training != null ? training
                : new TrainingRequest(null, null, null, null, null, null, null, null, null);
        int epochs = checks.integer("training.epochs", t.epochs(), 100, 1, limits.maxEpochs(),
                "regtrain.limits.max-epochs");
        int batchSize = checks.integer("training.batchSize", t.batchSize(), 32, 0, Integer.MAX_VALUE, null);
        String optimizer = checks.choice("training.optimizer", t.optimizer(), "sgd", OPTIMIZERS);
        boolean adaptive = optimizer.startsWith("adam");
        double learningRate = checks.positive("training.learningRate", t.learningRate(), adaptive ? 0.001 : 0.01);
        double momentum = checks.number("training.momentum", t.momentum(), 0.9, 0, 1, true);
        double beta1 = checks.number("training.beta1", t.beta1(), 0.9, 0, 1, true);
        double beta2 = checks.number("training.beta2", t.beta2(), 0.999, 0, 1, true);
        double epsilon = checks.positive("training.epsilon", t.epsilon(), 1e-8);
        boolean shuffle = t.shuffle() == null || t.shuffle();
        return new TrainingResolution(new TrainingRequest(epochs, batchSize, optimizer, learningRate, momentum, beta1,
                beta2, epsilon, shuffle));
    }
}
