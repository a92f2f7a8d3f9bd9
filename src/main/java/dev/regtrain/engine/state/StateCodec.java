package dev.regtrain.engine.state;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.EarlyStoppingState;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerState;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.ScheduleState;
import dev.regtrain.engine.TrainingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link TrainingState}: the magic "RGTS", a format version, the body, and a CRC-32C of all that
 * precedes it. Decoding verifies the checksum first and checks every dimension against {@link StateLimits} and the
 * bytes that remain before allocating anything, so a torn, corrupt or hostile file fails fast and cleanly.
 * <p>
 * Version 2 adds each hidden layer's batch-normalisation flag (and its γ, β and running statistics among the
 * blocks), the learning-rate schedule's state, and the rows' {@code trainObjective} and per-layer diagnostics.
 * Version 3 adds the precision the run trains in, right after the version; a {@code float32} state's parameters,
 * optimizer slots and best values are written as 4-byte floats (which they are), half the bytes. Versions 1 (no batch
 * normalisation, constant learning rate) and 2 are still read, as float64 states.
 */
public final class StateCodec {

    public static final int MAGIC = 0x52475453; // "RGTS"
    public static final int VERSION = 3;
    private static final int OLDEST_VERSION = 1;
    private static final ByteReader.Format FORMAT = new ByteReader.Format(MAGIC, VERSION, "state",
            "the state is too short to be one", "not a regtrain training state", OLDEST_VERSION);
    private static final int MAX_NAME_BYTES = 64;
    private static final int LAYER_METRIC_BYTES = 4 + 6 * 8;

    private StateCodec() {
    }

    /** The state's bytes in one array (checkpoints stream instead: {@link #encode(TrainingState, ByteSink)}). */
    public static byte[] encode(TrainingState state) {
        ByteWriter out = new ByteWriter();
        write(state, out);
        return out.toArrayWithChecksum();
    }

    /**
     * Streams the state into {@code sink}, the checksum computed on the way: the same bytes as
     * {@link #encode(TrainingState)}, with no more than {@link ByteWriter#STREAM_BUFFER_BYTES} of them in memory.
     *
     * @return the number of bytes written
     */
    public static long encode(TrainingState state, ByteSink sink) {
        ByteWriter out = new ByteWriter(sink);
        write(state, out);
        return out.finishWithChecksum();
    }

    private static void write(TrainingState state, ByteWriter out) {
        out.putInt(MAGIC);
        out.putInt(VERSION);
        out.putString(state.precision().name());
        NetworkSpec spec = state.network();
        out.putInt(spec.inputs());
        out.putInt(spec.outputs());
        out.putString(spec.output().name());
        out.putString(spec.initialization().name());
        out.putInt(spec.hidden().size());
        for (LayerSpec layer : spec.hidden()) {
            out.putInt(layer.units());
            out.putString(layer.activation().name());
            out.putBoolean(layer.batchNorm());
        }
        out.putInt(state.epoch());
        Precision precision = state.precision();
        putBlocks(out, state.parameters(), precision);
        out.putLong(state.optimizer().step());
        putBlocks(out, state.optimizer().slots(), precision);
        out.putLong(state.shuffleRandom());
        out.putLong(state.dropoutRandom());
        out.putLong(state.augmentRandom());
        putEarlyStopping(out, state.earlyStopping());
        out.putBoolean(state.bestParameters() != null);
        if (state.bestParameters() != null) {
            putBlocks(out, state.bestParameters(), precision);
        }
        out.putNullableDouble(state.schedule().learningRate());
        putEarlyStopping(out, state.schedule().plateau());
        out.putInt(state.history().size());
        for (EpochMetrics row : state.history()) {
            putRow(out, row);
        }
    }

    public static TrainingState decode(byte[] bytes, StateLimits limits) {
        ByteReader in = ByteReader.openChecksummed(bytes, FORMAT, CorruptStateException::new);
        try {
            return readBody(in, in.version(), limits);
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("inconsistent state: " + e.getMessage());
        }
    }

    private static TrainingState readBody(ByteReader in, int version, StateLimits limits) {
        Precision precision = version >= 3 ? Precision.valueOf(in.getString(MAX_NAME_BYTES)) : Precision.FLOAT64;
        int inputs = in.getInt();
        int outputs = in.getInt();
        Output output = Output.valueOf(in.getString(MAX_NAME_BYTES));
        Initialization init = Initialization.valueOf(in.getString(MAX_NAME_BYTES));
        int hiddenCount = in.getCount(limits.maxLayers() - 1L, 8);
        List<LayerSpec> hidden = new ArrayList<>(hiddenCount);
        for (int i = 0; i < hiddenCount; i++) {
            int units = in.getInt();
            Activation activation = Activation.valueOf(in.getString(MAX_NAME_BYTES));
            hidden.add(new LayerSpec(units, activation, version >= 2 && in.getBoolean()));
        }
        NetworkSpec spec = new NetworkSpec(inputs, hidden, output, outputs, init);
        limits.check(spec);
        int[] sizes = spec.blockSizes();
        int[] trainable = spec.parameterSizes();
        int epoch = in.getInt();
        if (epoch < 0 || epoch > limits.maxEpochs()) {
            throw new CorruptStateException("epoch " + epoch + " is out of bounds");
        }
        double[][] parameters = getBlocksCounted(in, sizes, precision);
        long step = in.getLong();
        int slotCount = in.getInt();
        if (slotCount % trainable.length != 0 || slotCount / trainable.length > 2 || slotCount < 0) {
            throw new CorruptStateException("invalid number of optimizer slots: " + slotCount);
        }
        double[][] slots = readSized(in, trainable, slotCount / trainable.length, precision);
        long shuffle = in.getLong();
        long dropout = in.getLong();
        long augment = in.getLong();
        EarlyStoppingState es = getEarlyStopping(in);
        double[][] best = in.getBoolean() ? getBlocksCounted(in, sizes, precision) : null;
        ScheduleState schedule = version >= 2 ? new ScheduleState(in.getNullableDouble(), getEarlyStopping(in))
                : ScheduleState.INITIAL;
        int rows = in.getCount(limits.maxEpochs(), 8 * 8);
        List<EpochMetrics> history = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            history.add(getRow(in, spec.layerCount(), version));
        }
        if (!in.atEnd()) {
            throw new CorruptStateException("unexpected bytes after the state");
        }
        return new TrainingState(spec, epoch, parameters, new OptimizerState(step, slots), shuffle, dropout, augment,
                es, best, history, schedule, precision);
    }

    private static void putEarlyStopping(ByteWriter out, EarlyStoppingState es) {
        out.putNullableDouble(es.best());
        out.putInt(es.bestEpoch());
        out.putInt(es.epochsWithoutImprovement());
        out.putInt(es.monitoredEpochs());
    }

    private static EarlyStoppingState getEarlyStopping(ByteReader in) {
        return new EarlyStoppingState(in.getNullableDouble(), in.getInt(), in.getInt(), in.getInt());
    }

    private static void putBlocks(ByteWriter out, double[][] blocks, Precision precision) {
        out.putInt(blocks.length);
        for (double[] block : blocks) {
            if (precision == Precision.FLOAT32) {
                out.putFloats(block);
            } else {
                out.putDoubles(block);
            }
        }
    }

    private static double[][] getBlocksCounted(ByteReader in, int[] sizes, Precision precision) {
        if (in.getInt() != sizes.length) {
            throw new CorruptStateException("wrong number of parameter blocks");
        }
        return readSized(in, sizes, 1, precision);
    }

    private static double[][] readSized(ByteReader in, int[] sizes, int repeats, Precision precision) {
        double[][] blocks = new double[sizes.length * repeats][];
        for (int i = 0; i < blocks.length; i++) {
            int size = sizes[i % sizes.length];
            blocks[i] = precision == Precision.FLOAT32 ? in.getFloats(size) : in.getDoubles(size);
        }
        return blocks;
    }

    private static void putRow(ByteWriter out, EpochMetrics row) {
        out.putInt(row.epoch());
        out.putDouble(row.seconds());
        out.putDouble(row.learningRate());
        out.putDouble(row.trainLoss());
        out.putDouble(row.trainDataLoss());
        out.putDouble(row.penalty());
        out.putDouble(row.l1Penalty());
        out.putDouble(row.l2Penalty());
        out.putNullableDouble(row.trainAccuracy());
        out.putNullableDouble(row.valLoss());
        out.putNullableDouble(row.valAccuracy());
        out.putNullableDouble(row.trainRmse());
        out.putNullableDouble(row.valRmse());
        out.putNullableDouble(row.trainObjective());
        out.putInt(row.layers().size());
        for (LayerMetrics layer : row.layers()) {
            out.putInt(layer.layer());
            out.putDouble(layer.weightNorm());
            out.putDouble(layer.weightL1());
            out.putDouble(layer.zeroFraction());
            out.putDouble(layer.nearZeroFraction());
            out.putDouble(layer.biasNorm());
            out.putDouble(layer.gradientNorm());
            out.putNullableDouble(layer.updateRatio());
            out.putNullableDouble(layer.deadFraction());
            out.putNullableDouble(layer.saturatedFraction());
        }
    }

    private static EpochMetrics getRow(ByteReader in, int layerCount, int version) {
        int epoch = in.getInt();
        double seconds = in.getDouble();
        double learningRate = in.getDouble();
        double trainLoss = in.getDouble();
        double trainDataLoss = in.getDouble();
        double penalty = in.getDouble();
        double l1 = in.getDouble();
        double l2 = in.getDouble();
        Double trainAccuracy = in.getNullableDouble();
        Double valLoss = in.getNullableDouble();
        Double valAccuracy = in.getNullableDouble();
        Double trainRmse = in.getNullableDouble();
        Double valRmse = in.getNullableDouble();
        Double trainObjective = version >= 2 ? in.getNullableDouble() : null;
        int layers = in.getCount(layerCount, LAYER_METRIC_BYTES);
        List<LayerMetrics> rows = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            int layer = in.getInt();
            double weightNorm = in.getDouble();
            double weightL1 = in.getDouble();
            double zeroFraction = in.getDouble();
            double nearZeroFraction = in.getDouble();
            double biasNorm = in.getDouble();
            double gradientNorm = in.getDouble();
            rows.add(version >= 2
                    ? new LayerMetrics(layer, weightNorm, weightL1, zeroFraction, nearZeroFraction, biasNorm,
                            gradientNorm, in.getNullableDouble(), in.getNullableDouble(), in.getNullableDouble())
                    : new LayerMetrics(layer, weightNorm, weightL1, zeroFraction, nearZeroFraction, biasNorm,
                            gradientNorm));
        }
        return new EpochMetrics(epoch, seconds, learningRate, trainLoss, trainDataLoss, penalty, l1, l2,
                trainAccuracy, valLoss, valAccuracy, trainRmse, valRmse, trainObjective, rows);
    }
}
