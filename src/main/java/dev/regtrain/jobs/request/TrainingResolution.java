package dev.regtrain.jobs.request;

import dev.regtrain.config.RegtrainProperties;

/**
 * The training section resolved: epochs, batch size, the optimizer with its defaults, the schedule, clipping and
 * class weights.
 */
record TrainingResolution(TrainingRequest echo) {

    String optimizer() {
        return echo.optimizer();
    }

    double learningRate() {
        return echo.learningRate();
    }

    /**
     * @param data the dataset's shape, or null when it is unknown (a bad dataset section)
     * @param split the validation split, for the default monitor of a plateau schedule
     */
    static TrainingResolution resolve(TrainingRequest training, RegtrainProperties.Limits limits, DatasetShape data,
                                      double split, Checks checks) {
        TrainingRequest t = training != null ? training
                : new TrainingRequest(null, null, null, null, null, null, null, null, null);
        int epochs = checks.integer("training.epochs", t.epochs(), 100, 1, limits.maxEpochs(),
                "regtrain.limits.max-epochs");
        int batchSize = checks.integer("training.batchSize", t.batchSize(), 32, 0, Integer.MAX_VALUE, null);
        String optimizer = Choice.OPTIMIZER.resolve(checks, "training.optimizer", t.optimizer());
        boolean adaptive = optimizer.startsWith("adam");
        double learningRate = checks.positive("training.learningRate", t.learningRate(), adaptive ? 0.001 : 0.01);
        double momentum = checks.number("training.momentum", t.momentum(), 0.9, 0, 1, true);
        double beta1 = checks.number("training.beta1", t.beta1(), 0.9, 0, 1, true);
        double beta2 = checks.number("training.beta2", t.beta2(), 0.999, 0, 1, true);
        double epsilon = checks.positive("training.epsilon", t.epsilon(), 1e-8);
        boolean shuffle = t.shuffle() == null || t.shuffle();
        ScheduleRequest schedule = Schedules.resolve(t.schedule(), learningRate, epochs, limits, data, split, checks);
        Double clipNorm = t.clipNorm() == null ? null : checks.positive("training.clipNorm", t.clipNorm(), 1.0);
        Double clipValue = t.clipValue() == null ? null : checks.positive("training.clipValue", t.clipValue(), 1.0);
        Object classWeights = ClassWeightsResolution.resolve(t.classWeights(), data, checks);
        String precision = Choice.PRECISION.resolve(checks, "training.precision", t.precision());
        return new TrainingResolution(new TrainingRequest(epochs, batchSize, optimizer, learningRate, momentum, beta1,
                beta2, epsilon, shuffle, schedule, clipNorm, clipValue, classWeights, precision));
    }
}
