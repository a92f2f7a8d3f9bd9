package dev.regtrain.jobs.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.data.Task;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.ClassWeights;
import dev.regtrain.engine.GradientClipping;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.Network;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Rng;
import dev.regtrain.engine.ScheduleSpec;
import dev.regtrain.engine.ScheduleType;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.models.document.ModelLayer;
import dev.regtrain.models.document.ModelMeta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The request fields of API.md "Training depth": defaults echoed, validation with field paths, the allowed values
 * from the engine's enums, and the plan they become.
 */
class TrainingDepthRequestTests {

    private static final DatasetShape IRIS = new DatasetShape("dataset:iris", 150, 4, Task.CLASSIFICATION,
            List.of("setosa", "versicolor", "virginica"), null);
    private static final DatasetShape PRICES = new DatasetShape("dataset:prices", 100, 3, Task.REGRESSION, null,
            null);

    private final DatasetLookup lookup = new DatasetLookup() {
        @Override
        public Optional<DatasetShape> uploaded(String id) {
            return Optional.ofNullable(Map.of("iris", IRIS, "prices", PRICES).get(id));
        }

        @Override
        public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
            return Optional.empty();
        }
    };
    private final RequestResolver resolver = new RequestResolver(RequestResolverTests.LIMITS, lookup);

    private static JobRequest request(String dataset, Double split, NetworkRequest network, TrainingRequest training,
                                      RegularizationRequest regularization, InitialWeightsRequest initial) {
        return new JobRequest(null, 7L, new DatasetRequest(null, dataset, null), split, null, network, training,
                regularization, null, initial, null);
    }

    private static JobRequest training(TrainingRequest training) {
        return request("iris", null, null, training, null, null);
    }

    private static TrainingRequest schedule(ScheduleRequest schedule) {
        return new TrainingRequest(20, null, null, 0.1, null, null, null, null, null, schedule, null, null, null);
    }

    private static TrainingRequest classWeights(Object weights) {
        return new TrainingRequest(null, null, null, null, null, null, null, null, null, null, null, null, weights);
    }

    private static NetworkRequest hidden(Boolean... batchNorm) {
        List<HiddenLayerRequest> layers = new ArrayList<>();
        for (Boolean bn : batchNorm) {
            layers.add(new HiddenLayerRequest(8, "tanh", bn));
        }
        return new NetworkRequest(layers, null, null);
    }

    private List<FieldError> errorsOf(JobRequest request) {
        try {
            resolver.resolve(request);
        } catch (InvalidRequestException e) {
            return e.errors();
        }
        throw new AssertionError("the request was accepted");
    }

    private List<String> fieldsOf(JobRequest request) {
        return errorsOf(request).stream().map(FieldError::field).toList();
    }

    @Test
    void theNewFieldsDefaultToNothingThatChangesTrainingAndAreEchoed() {
        JobRequest resolved = resolver.resolve(request("iris", null, hidden((Boolean) null), null, null, null))
                .request();

        assertThat(resolved.network().hidden().get(0).batchNorm()).isFalse();
        assertThat(resolved.training().schedule()).isEqualTo(ScheduleRequest.CONSTANT);
        assertThat(resolved.training().clipNorm()).isNull();
        assertThat(resolved.training().clipValue()).isNull();
        assertThat(resolved.training().classWeights()).isNull();
        assertThat(resolved.regularization().labelSmoothing()).isEqualTo(0.0);
        assertThat(resolved.regularization().penalty().regularizeBatchNorm()).isFalse();
        TrainingPlan plan = PlanFactory.plan(resolved, 4, 3, true, IRIS.classes());
        assertThat(plan.schedule()).isEqualTo(ScheduleSpec.CONSTANT);
        assertThat(plan.clipping()).isEqualTo(GradientClipping.NONE);
        assertThat(plan.loss().labelSmoothing()).isZero();
        assertThat(plan.loss().classWeights()).isEqualTo(ClassWeights.NONE);
        assertThat(plan.network().hasBatchNorm()).isFalse();
    }

    @Test
    void eachScheduleTypeGetsItsOwnParametersWithTheirDefaults() {
        assertThat(resolver.resolve(training(schedule(new ScheduleRequest("step", null, null, null, null, null, null,
                null)))).request().training().schedule())
                .isEqualTo(new ScheduleRequest("step", 10, 0.5, null, null, null, null, null));
        assertThat(resolver.resolve(training(schedule(new ScheduleRequest("exponential", null, 0.9, null, null, null,
                null, null)))).request().training().schedule())
                .isEqualTo(new ScheduleRequest("exponential", null, 0.9, null, null, null, null, null));
        assertThat(resolver.resolve(training(schedule(new ScheduleRequest("cosine", null, null, null, 5, null, null,
                null)))).request().training().schedule())
                .isEqualTo(new ScheduleRequest("cosine", null, null, 0.0, 5, null, null, null));
        assertThat(resolver.resolve(training(schedule(new ScheduleRequest("reduceOnPlateau", null, null, null, null,
                null, null, null)))).request().training().schedule())
                .isEqualTo(new ScheduleRequest("reduceOnPlateau", null, 0.1, 0.0, null, "val_loss", 10, 1e-4));
        assertThat(resolver.resolve(request("iris", 0.0, null, schedule(new ScheduleRequest("reduceOnPlateau", null,
                null, null, null, null, null, null)), null, null)).request().training().schedule().monitor())
                .as("without a validation split").isEqualTo("train_loss");
    }

    @Test
    void theScheduleTypesComeFromTheEngine() {
        List<FieldError> errors = errorsOf(training(schedule(new ScheduleRequest("linear", null, null, null, null,
                null, null, null))));

        assertThat(errors).extracting(FieldError::field).containsExactly("training.schedule.type");
        assertThat(errors.get(0).message()).contains(Arrays.stream(ScheduleType.values()).map(ScheduleType::label)
                .toList().toArray(String[]::new));
    }

    @Test
    void aParameterOfAnotherScheduleTypeIsRefusedByItsPath() {
        List<FieldError> errors = errorsOf(training(schedule(new ScheduleRequest("step", null, null, null, 3, null,
                null, null))));

        assertThat(errors).extracting(FieldError::field).containsExactly("training.schedule.warmupEpochs");
        assertThat(errors.get(0).message()).contains("everyEpochs, factor");
    }

    @Test
    void scheduleParametersAreCheckedAgainstTheirRanges() {
        assertThat(fieldsOf(training(schedule(new ScheduleRequest("step", 0, 1.5, null, null, null, null, null)))))
                .containsExactlyInAnyOrder("training.schedule.everyEpochs", "training.schedule.factor");
        assertThat(fieldsOf(training(schedule(new ScheduleRequest("cosine", null, null, 0.5, 21, null, null, null)))))
                .containsExactlyInAnyOrder("training.schedule.minLearningRate", "training.schedule.warmupEpochs");
        assertThat(fieldsOf(request("iris", 0.0, null, schedule(new ScheduleRequest("reduceOnPlateau", null, null,
                null, null, "val_accuracy", -1, null)), null, null)))
                .containsExactlyInAnyOrder("validationSplit", "training.schedule.patience");
        assertThat(fieldsOf(request("prices", null, null, schedule(new ScheduleRequest("reduceOnPlateau", null, null,
                null, null, "val_accuracy", null, null)), null, null))).containsExactly("training.schedule.monitor");
    }

    @Test
    void aScheduleBecomesTheEnginesSpec() {
        JobRequest resolved = resolver.resolve(training(schedule(new ScheduleRequest("reduceOnPlateau", null, 0.5,
                0.001, null, "val_accuracy", 3, 0.01)))).request();

        assertThat(PlanFactory.plan(resolved, 4, 3, true, IRIS.classes()).schedule())
                .isEqualTo(ScheduleSpec.reduceOnPlateau(Monitor.VAL_ACCURACY, 0.5, 3, 0.01, 0.001));
    }

    @Test
    void clippingBoundsArePositive() {
        TrainingRequest bad = new TrainingRequest(null, null, null, null, null, null, null, null, null, null, 0.0,
                -1.0, null);
        TrainingRequest good = new TrainingRequest(null, null, null, null, null, null, null, null, null, null, 1.0,
                0.5, null);

        assertThat(fieldsOf(training(bad))).containsExactlyInAnyOrder("training.clipNorm", "training.clipValue");
        JobRequest resolved = resolver.resolve(training(good)).request();
        assertThat(PlanFactory.plan(resolved, 4, 3, true, IRIS.classes()).clipping())
                .isEqualTo(new GradientClipping(1.0, 0.5));
    }

    @Test
    void labelSmoothingIsAProbabilityBelowOneForAClassification() {
        assertThat(fieldsOf(request("iris", null, null, null, new RegularizationRequest(null, null, null, null, 1.0),
                null))).containsExactly("regularization.labelSmoothing");
        assertThat(fieldsOf(request("prices", null, null, null, new RegularizationRequest(null, null, null, null,
                0.1), null))).containsExactly("regularization.labelSmoothing");
        JobRequest resolved = resolver.resolve(request("iris", null, null, null, new RegularizationRequest(null, null,
                null, null, 0.1), null)).request();
        assertThat(resolved.regularization().labelSmoothing()).isEqualTo(0.1);
        assertThat(PlanFactory.plan(resolved, 4, 3, true, IRIS.classes()).loss().labelSmoothing()).isEqualTo(0.1);
        assertThat(Objectives.describe(resolved, 120)).contains("smoothed to (1 − 0.1)·y + 0.1/K");
    }

    @Test
    void balancedClassWeightsAreEchoedAndBecomeTheEnginesBalancedWeights() {
        JobRequest resolved = resolver.resolve(training(classWeights("balanced"))).request();

        assertThat(resolved.training().classWeights()).isEqualTo("balanced");
        assertThat(PlanFactory.plan(resolved, 4, 3, true, IRIS.classes()).loss().classWeights())
                .isEqualTo(ClassWeights.BALANCED);
        assertThat(Objectives.describe(resolved, 120)).startsWith("J = (1/Σw)·Σw·ℓ");
    }

    @Test
    void classWeightsByLabelAreEchoedForEveryClassAndGoToTheEngineByClassIndex() {
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("virginica", 3);
        weights.put("setosa", 0.5);

        JobRequest resolved = resolver.resolve(training(classWeights(weights))).request();

        assertThat(resolved.training().classWeights())
                .isEqualTo(Map.of("setosa", 0.5, "versicolor", 1.0, "virginica", 3.0));
        assertThat(PlanFactory.plan(resolved, 4, 3, true, IRIS.classes()).loss().classWeights())
                .isEqualTo(ClassWeights.of(List.of(0.5, 1.0, 3.0)));
    }

    @Test
    void classWeightsNameTheLabelThatIsWrong() {
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("rose", 1.0);
        weights.put("setosa", -1.0);
        weights.put("virginica", "heavy");

        assertThat(fieldsOf(training(classWeights(weights)))).containsExactly("training.classWeights.rose",
                "training.classWeights.setosa", "training.classWeights.virginica");
        assertThat(fieldsOf(training(classWeights("even")))).containsExactly("training.classWeights");
        assertThat(fieldsOf(training(classWeights(3)))).containsExactly("training.classWeights");
        assertThat(fieldsOf(training(classWeights(Map.of("setosa", 0, "versicolor", 0, "virginica", 0)))))
                .containsExactly("training.classWeights");
        assertThat(fieldsOf(request("prices", null, null, classWeights("balanced"), null, null)))
                .containsExactly("training.classWeights");
    }

    @Test
    void batchNormalisationIsEchoedPerLayerAndNeedsBatchesOfTwoOrMore() {
        JobRequest resolved = resolver.resolve(request("iris", null, hidden(true, false), null,
                new RegularizationRequest(new PenaltyRequest(null, 1.0, null, null, null, null, null, true), null, null,
                        null), null)).request();

        assertThat(resolved.network().hidden()).extracting(HiddenLayerRequest::batchNorm).containsExactly(true, false);
        TrainingPlan plan = PlanFactory.plan(resolved, 4, 3, true, IRIS.classes());
        assertThat(plan.network().hidden()).extracting(LayerSpec::batchNorm).containsExactly(true, false);
        assertThat(plan.penalty().regularizeBatchNorm()).isTrue();
        assertThat(Objectives.describe(resolved, 120)).contains("batch-norm γ and β penalised like weights");
        TrainingRequest one = new TrainingRequest(null, 1, null, null, null, null, null, null, null);
        assertThat(fieldsOf(request("iris", null, hidden(true), one, null, null))).containsExactly("training.batchSize");
        assertThat(resolver.resolve(request("iris", null, hidden(false), one, null, null)).request().training()
                .batchSize()).isEqualTo(1);
    }

    private static ModelDocument batchNormModel() {
        NetworkSpec spec = new NetworkSpec(4, List.of(new LayerSpec(8, Activation.TANH, true),
                new LayerSpec(8, Activation.TANH, false)), dev.regtrain.engine.Output.SOFTMAX, 3,
                dev.regtrain.engine.Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(3));
        Arrays.fill(network.runningMean(1), 0.25);
        return ModelDocuments.toDocument("job", 5, new ModelMeta("classification", 4, IRIS.classes(), null), spec,
                network.values(), dev.regtrain.engine.Precision.FLOAT64);
    }

    @Test
    void aBatchNormalisedModelDocumentHasNoBiasAndWorksAsInitialWeights() {
        ModelDocument model = batchNormModel();
        ModelLayer first = model.layers().get(0);

        assertThat(first.bias()).isNull();
        assertThat(first.batchNorm().gamma()).containsOnly(1.0);
        assertThat(first.batchNorm().runningMean()).containsOnly(0.25);
        assertThat(first.batchNorm().epsilon()).isEqualTo(1e-5);
        assertThat(model.layers().get(1).batchNorm()).isNull();
        Resolution resolution = resolver.resolve(request("iris", null, hidden(true, false), null, null,
                new InitialWeightsRequest(null, null, model)));
        assertThat(resolution.initialModel()).isSameAs(model);
        Network network = ModelDocuments.toNetwork(model, PlanFactory.network(resolution.request(), 4, 3));
        assertThat(network.runningMean(1)).containsOnly(0.25);
        assertThat(ModelDocuments.toDocument("job", 5, new ModelMeta("classification", 4, IRIS.classes(), null),
                network.spec(), network.values(), dev.regtrain.engine.Precision.FLOAT64)).usingRecursiveComparison()
                .isEqualTo(model);
    }

    @Test
    void aModelDocumentMustMatchTheLayersBatchNormalisation() {
        ModelDocument model = batchNormModel();
        ModelLayer first = model.layers().get(0);
        BatchNormDocument bn = first.batchNorm();

        assertThat(errorsOf(request("iris", null, hidden(false, false), null, null,
                new InitialWeightsRequest(null, null, model)))).extracting(FieldError::message)
                .anySatisfy(m -> assertThat(m).contains("4→8 tanh batchNorm"));
        assertThat(fieldsOf(request("iris", null, hidden(true, false), null, null,
                new InitialWeightsRequest(null, null, withFirst(model, new ModelLayer(4, 8, "tanh", first.weights(),
                        new double[8], bn)))))).containsExactly("initialWeights.model");
        assertThat(errorsOf(request("iris", null, hidden(true, false), null, null,
                new InitialWeightsRequest(null, null, withFirst(model, new ModelLayer(4, 8, "tanh", first.weights(),
                        null, new BatchNormDocument(bn.gamma(), bn.beta(), bn.runningMean(), bn.runningVariance(),
                        1e-3)))))).get(0).message()).contains("epsilon");
    }

    private static ModelDocument withFirst(ModelDocument model, ModelLayer first) {
        List<ModelLayer> layers = new ArrayList<>(model.layers());
        layers.set(0, first);
        return new ModelDocument(model.format(), model.jobId(), model.epoch(), model.task(), model.inputs(),
                model.classes(), model.standardization(), layers);
    }
}
