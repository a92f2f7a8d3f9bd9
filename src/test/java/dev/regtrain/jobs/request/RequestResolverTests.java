package dev.regtrain.jobs.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.Task;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.models.document.ModelDocument;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RequestResolverTests {

    /** The default limits, with a fixed memory budget instead of half of this JVM's heap. */
    static final RegtrainProperties.Limits LIMITS = dev.regtrain.storage.TestProperties
            .with("regtrain.limits.max-job-memory", "1GB").limits();

    private final DatasetLookup lookup = new DatasetLookup() {
        @Override
        public Optional<DatasetShape> uploaded(String id) {
            return id.equals("iris") ? Optional.of(new DatasetShape("dataset:iris", 150, 4, Task.CLASSIFICATION,
                    List.of("setosa", "versicolor", "virginica"), null)) : Optional.empty();
        }

        @Override
        public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
            return Optional.empty();
        }
    };
    private final RequestResolver resolver = new RequestResolver(LIMITS, lookup);

    private static DatasetRequest builtin(String name, Object... parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put((String) parameters[i], parameters[i + 1]);
        }
        return new DatasetRequest(name, null, map);
    }

    private static JobRequest request(DatasetRequest dataset, NetworkRequest network, TrainingRequest training,
                                      RegularizationRequest regularization) {
        return new JobRequest(null, 7L, dataset, null, null, network, training, regularization, null, null, null);
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
    void fillsEveryDefaultOfTheContract() {
        JobRequest resolved = resolver.resolve(request(builtin("moons"), null, null, null)).request();

        assertThat(resolved.seed()).isEqualTo(7L);
        assertThat(resolved.validationSplit()).isEqualTo(0.2);
        assertThat(resolved.standardize()).isTrue();
        assertThat(resolved.dataset().parameters()).containsKeys("samples", "noise");
        assertThat(resolved.network().hidden()).isEmpty();
        assertThat(resolved.network().output()).isEqualTo("sigmoid");
        assertThat(resolved.network().init()).isEqualTo("auto");
        TrainingRequest t = resolved.training();
        assertThat(List.of(t.epochs(), t.batchSize())).containsExactly(100, 32);
        assertThat(t.optimizer()).isEqualTo("sgd");
        assertThat(List.of(t.learningRate(), t.momentum(), t.beta1(), t.beta2(), t.epsilon()))
                .containsExactly(0.01, 0.9, 0.9, 0.999, 1e-8);
        assertThat(t.shuffle()).isTrue();
        PenaltyRequest p = resolved.regularization().penalty();
        assertThat(List.of(p.l1(), p.l2(), p.weightDecay())).containsExactly(0.0, 0.0, 0.0);
        assertThat(p.regularizeBias()).isFalse();
        assertThat(p.l1Update()).isEqualTo("subgradient");
        assertThat(p.maxNorm()).isNull();
        assertThat(p.layers()).isNull();
        assertThat(resolved.regularization().dropout()).isEqualTo(new DropoutRequest(0.0, List.of()));
        assertThat(resolved.regularization().earlyStopping()).isNull();
        assertThat(resolved.checkpoints()).isEqualTo(new CheckpointRequest(10, 3));
        assertThat(resolved.initialWeights()).isNull();
    }

    @Test
    void aMissingSeedIsDrawnAndEchoed() {
        JobRequest raw = new JobRequest(null, null, builtin("moons"), null, null, null, null, null, null, null, null);

        assertThat(resolver.resolve(raw).request().seed()).isNotNull();
    }

    @Test
    void adaptiveOptimizersDefaultToASmallerLearningRate() {
        TrainingRequest adam = new TrainingRequest(null, null, "adam", null, null, null, null, null, null);

        assertThat(resolver.resolve(request(builtin("moons"), null, adam, null)).request().training().learningRate())
                .isEqualTo(0.001);
    }

    @Test
    void outputFollowsTheDatasetAndAutoInitialisationIsDecidedPerLayer() {
        NetworkRequest reluThenTanh = new NetworkRequest(List.of(new HiddenLayerRequest(8, "relu"),
                new HiddenLayerRequest(8, "tanh")), null, null);
        NetworkRequest tanh = new NetworkRequest(List.of(new HiddenLayerRequest(8, "tanh")), null, "he");

        JobRequest spirals = resolver.resolve(request(builtin("spirals", "classes", 3), reluThenTanh, null, null))
                .request();
        JobRequest sine = resolver.resolve(request(builtin("sine"), tanh, null, null)).request();

        assertThat(spirals.network().output()).isEqualTo("softmax");
        assertThat(spirals.network().init()).isEqualTo("auto");
        NetworkSpec spec = PlanFactory.network(spirals, 2, 3);
        assertThat(List.of(spec.initialization(1), spec.initialization(2), spec.initialization(3)))
                .containsExactly(Initialization.HE, Initialization.XAVIER, Initialization.XAVIER);
        assertThat(sine.network().output()).isEqualTo("linear");
        assertThat(PlanFactory.network(sine, 1, 1).initialization(1)).isEqualTo(Initialization.HE);
    }

    @Test
    void oneDropoutRateIsUsedForEveryHiddenLayer() {
        NetworkRequest two = new NetworkRequest(List.of(new HiddenLayerRequest(8, "relu"),
                new HiddenLayerRequest(8, "relu")), null, null);
        RegularizationRequest dropout = new RegularizationRequest(null, new DropoutRequest(0.1, List.of(0.5)), null,
                null);

        assertThat(resolver.resolve(request(builtin("moons"), two, null, dropout)).request().regularization()
                .dropout().hidden()).containsExactly(0.5, 0.5);
    }

    @Test
    void earlyStoppingDefaultsAndModeFollowTheMonitor() {
        EarlyStoppingRequest accuracy = new EarlyStoppingRequest("val_accuracy", null, null, null, null, null, null,
                null);
        RegularizationRequest r = new RegularizationRequest(null, null, accuracy, null);

        EarlyStoppingRequest resolved = resolver.resolve(request(builtin("moons"), null, null, r)).request()
                .regularization().earlyStopping();

        assertThat(resolved).isEqualTo(new EarlyStoppingRequest("val_accuracy", "max", 10, 0.0, false, 0, null, true));
    }

    @Test
    void rejectsADropoutRateOfOneAtItsIndex() {
        NetworkRequest two = new NetworkRequest(List.of(new HiddenLayerRequest(8, "relu"),
                new HiddenLayerRequest(8, "relu")), null, null);
        RegularizationRequest dropout = new RegularizationRequest(null, new DropoutRequest(null, List.of(0.2, 1.0)),
                null, null);

        List<FieldError> errors = errorsOf(request(builtin("moons"), two, null, dropout));

        assertThat(errors).extracting(FieldError::field).containsExactly("regularization.dropout.hidden[1]");
        assertThat(errors.get(0).message()).contains("[0, 1)");
    }

    @Test
    void rejectsAPerLayerDropoutListOfTheWrongLength() {
        RegularizationRequest dropout = new RegularizationRequest(null, new DropoutRequest(null, List.of(0.2, 0.3)),
                null, null);

        assertThat(fieldsOf(request(builtin("moons"), null, null, dropout)))
                .containsExactly("regularization.dropout.hidden");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        NetworkRequest network = new NetworkRequest(List.of(new HiddenLayerRequest(0, "relu"),
                new HiddenLayerRequest(8, "swish")), "softmax", "glorot");
        TrainingRequest training = new TrainingRequest(0, -1, "rmsprop", -0.1, 1.0, null, null, 0.0, null);

        assertThat(fieldsOf(request(builtin("moons"), network, training, null))).containsExactlyInAnyOrder(
                "network.hidden[0].units", "network.hidden[1].activation", "network.init", "training.epochs",
                "training.batchSize", "training.optimizer", "training.learningRate", "training.momentum",
                "training.epsilon");
    }

    @Test
    void checksTheOutputAgainstTheTask() {
        NetworkRequest softmax = new NetworkRequest(null, "softmax", null);
        NetworkRequest sigmoid = new NetworkRequest(null, "sigmoid", null);
        NetworkRequest linear = new NetworkRequest(null, "linear", null);

        assertThat(errorsOf(request(builtin("sine"), softmax, null, null)).get(0).message())
                .contains("classification");
        assertThat(errorsOf(request(builtin("spirals", "classes", 4), sigmoid, null, null)).get(0).message())
                .contains("exactly two classes");
        assertThat(fieldsOf(request(builtin("moons"), linear, null, null))).containsExactly("network.output");
    }

    @Test
    void checksTheMonitorAgainstTheTaskAndTheSplit() {
        EarlyStoppingRequest accuracy = new EarlyStoppingRequest("val_accuracy", null, null, null, null, null, null,
                null);
        EarlyStoppingRequest loss = new EarlyStoppingRequest(null, null, null, null, null, null, null, null);
        JobRequest noSplit = new JobRequest(null, 1L, builtin("moons"), 0.0, null, null, null,
                new RegularizationRequest(null, null, loss, null), null, null, null);

        assertThat(fieldsOf(request(builtin("sine"), null, null, new RegularizationRequest(null, null, accuracy,
                null)))).containsExactly("regularization.earlyStopping.monitor");
        assertThat(fieldsOf(noSplit)).containsExactly("validationSplit");
    }

    @Test
    void checksDatasetsAndTheirParameters() {
        assertThat(fieldsOf(request(builtin("moons", "samplez", 10), null, null, null)))
                .containsExactly("dataset.samplez");
        assertThat(fieldsOf(request(builtin("moons", "samples", 1.5), null, null, null)))
                .containsExactly("dataset.samples");
        assertThat(fieldsOf(request(builtin("moons", "noise", "high"), null, null, null)))
                .containsExactly("dataset.noise");
        assertThat(fieldsOf(request(builtin("waves"), null, null, null))).containsExactly("dataset.builtin");
        assertThat(fieldsOf(request(new DatasetRequest(null, "nope", null), null, null, null)))
                .containsExactly("dataset.id");
        assertThat(fieldsOf(request(new DatasetRequest("moons", "iris", null), null, null, null)))
                .containsExactly("dataset");
        assertThat(fieldsOf(new JobRequest(null, 1L, null, null, null, null, null, null, null, null, null)))
                .containsExactly("dataset");
    }

    @Test
    void anUploadedDatasetGivesItsShape() {
        Resolution resolution = resolver.resolve(request(new DatasetRequest(null, "iris", null), null, null, null));

        assertThat(resolution.request().network().output()).isEqualTo("softmax");
        assertThat(resolution.dataset().inputs()).isEqualTo(4);
    }

    @Test
    void refusesAbsurdSizesByArithmeticAlone() {
        NetworkRequest huge = new NetworkRequest(List.of(new HiddenLayerRequest(1_000_000_000, "relu")), null, null);
        NetworkRequest deep = new NetworkRequest(java.util.Collections.nCopies(10_000,
                new HiddenLayerRequest(4, "relu")), null, null);
        NetworkRequest wide = new NetworkRequest(List.of(new HiddenLayerRequest(4096, "relu"),
                new HiddenLayerRequest(4096, "relu"), new HiddenLayerRequest(4096, "relu")), null, null);
        TrainingRequest forever = new TrainingRequest(1_000_000_000, null, null, null, null, null, null, null, null);

        assertThat(errorsOf(request(builtin("moons"), huge, null, null)).get(0).message())
                .contains("regtrain.limits.max-units");
        assertThat(errorsOf(request(builtin("moons"), deep, null, null)).get(0).message())
                .contains("regtrain.limits.max-hidden-layers");
        assertThat(errorsOf(request(builtin("blobs", "features", 1000), wide, null, null)).get(0).message())
                .contains("regtrain.limits.max-parameters");
        assertThat(errorsOf(request(builtin("moons"), null, forever, null)).get(0).message())
                .contains("regtrain.limits.max-epochs");
        assertThat(errorsOf(request(builtin("moons", "samples", 100_000_000), null, null, null)).get(0).field())
                .isEqualTo("dataset.samples");
    }

    @Test
    void aJobThatWouldNeedMoreMemoryThanItsBudgetIsRefusedBeforeItStarts() {
        NetworkRequest wide = new NetworkRequest(List.of(new HiddenLayerRequest(4096, "relu"),
                new HiddenLayerRequest(4096, "relu")), null, null);
        TrainingRequest adam = new TrainingRequest(null, null, "adam", null, null, null, null, null, null);
        NetworkRequest modest = new NetworkRequest(List.of(new HiddenLayerRequest(512, "relu"),
                new HiddenLayerRequest(512, "relu")), null, null);

        List<FieldError> errors = errorsOf(request(builtin("moons"), wide, adam, null));

        assertThat(errors).extracting(FieldError::field).containsExactly("network");
        assertThat(errors.get(0).message()).contains("MiB of memory").contains("regtrain.limits.max-job-memory");
        assertThat(resolver.resolve(request(builtin("moons"), modest, adam, null)).request()).isNotNull();
    }

    @Test
    void perLayerPenaltiesNeedOneEntryPerWeightLayerAndKeepTheGlobalValueForMissingOnes() {
        NetworkRequest one = new NetworkRequest(List.of(new HiddenLayerRequest(8, "relu")), null, null);
        PenaltyRequest wrong = new PenaltyRequest(0.1, 0.5, null, null, null, null,
                List.of(new LayerPenaltyRequest(1.0, null)));
        PenaltyRequest right = new PenaltyRequest(0.1, 0.5, null, null, null, null,
                Arrays.asList(new LayerPenaltyRequest(1.0, null), null));

        assertThat(fieldsOf(request(builtin("moons"), one, null, new RegularizationRequest(wrong, null, null, null))))
                .containsExactly("regularization.penalty.layers");
        assertThat(resolver.resolve(request(builtin("moons"), one, null, new RegularizationRequest(right, null, null,
                null))).request().regularization().penalty().layers())
                .containsExactly(new LayerPenaltyRequest(1.0, 0.5), null);
    }

    @Test
    void weightDecayThatWouldFlipTheWeightsIsRefused() {
        TrainingRequest fast = new TrainingRequest(null, null, "sgd", 0.5, null, null, null, null, null);
        PenaltyRequest decay = new PenaltyRequest(null, null, null, null, 2.0, null, null);

        assertThat(fieldsOf(request(builtin("moons"), null, fast, new RegularizationRequest(decay, null, null, null))))
                .containsExactly("regularization.penalty.weightDecay");
    }

    @Test
    void aWarmStartModelMustMatchTheArchitecture() {
        ModelDocument model = new ModelDocument(ModelDocument.FORMAT, null, 1, "classification", 2, null, null,
                List.of(new dev.regtrain.models.document.ModelLayer(2, 1, "sigmoid", new double[][] {{0.1}, {0.2}},
                        new double[] {0})));
        NetworkRequest hidden = new NetworkRequest(List.of(new HiddenLayerRequest(4, "relu")), null, null);
        JobRequest matching = new JobRequest(null, 1L, builtin("moons"), null, null, null, null, null, null,
                new InitialWeightsRequest(null, null, model), null);
        JobRequest mismatched = new JobRequest(null, 1L, builtin("moons"), null, null, hidden, null, null, null,
                new InitialWeightsRequest(null, null, model), null);

        Resolution resolution = resolver.resolve(matching);
        assertThat(resolution.initialModel()).isSameAs(model);
        assertThat(resolution.request().initialWeights().model().layers().get(0).weights()).isNull();
        assertThatThrownBy(() -> resolver.resolve(mismatched)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("initialWeights.model");
    }

    @Test
    void aWarmStartModelWithANullLayerIsAFieldErrorNotACrash() {
        ModelDocument model = new ModelDocument(ModelDocument.FORMAT, null, 1, "classification", 2, null, null,
                Arrays.asList((dev.regtrain.models.document.ModelLayer) null));
        JobRequest request = new JobRequest(null, 1L, builtin("moons"), null, null, null, null, null, null,
                new InitialWeightsRequest(null, null, model), null);

        assertThat(errorsOf(request)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("initialWeights.model");
            assertThat(error.message()).contains("every layer needs");
        });
    }

    @Test
    void zeroWorkersMeansOnePerCore() {
        assertThat(dev.regtrain.storage.TestProperties.with("regtrain.workers", "0").effectiveWorkers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(dev.regtrain.storage.TestProperties.with("regtrain.workers", "3").effectiveWorkers()).isEqualTo(3);
    }
}
