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
import dev.regtrain.engine.TrainingState;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link TrainingState}: the magic "RGTS", a format version, the body, and a CRC-32C of all that
 * precedes it. Decoding verifies the checksum first and checks every dimension against {@link StateLimits} and the
 * bytes that remain before allocating anything, so a torn, corrupt or hostile file fails fast and cleanly.
 */
public final class StateCodec {

    public static final int MAGIC = 0x52475453; // "RGTS"
    public static final int VERSION = 1;
    private static final ByteReader.Format FORMAT = new ByteReader.Format(MAGIC, VERSION, "state",
            "the state is too short to be one", "not a regtrain training state");
    private static final int MAX_NAME_BYTES = 64;
    private static final int LAYER_METRIC_BYTES = 4 + 6 * 8;

    private StateCodec() {
    }

    public static byte[] encode(TrainingState state) {
        ByteWriter out = new ByteWriter();
        out.putInt(MAGIC);
        out.putInt(VERSION);
        NetworkSpec spec = state.network();
        out.putInt(spec.inputs());
        out.putInt(spec.outputs());
        out.putString(spec.output().name());
        out.putString(spec.initialization().name());
        out.putInt(spec.hidden().size());
        for (LayerSpec layer : spec.hidden()) {
            out.putInt(layer.units());
            out.putString(layer.activation().name());
        }
        out.putInt(state.epoch());
        putBlocks(out, state.parameters());
        out.putLong(state.optimizer().step());
        putBlocks(out, state.optimizer().slots());
        out.putLong(state.shuffleRandom());
        out.putLong(state.dropoutRandom());
        out.putLong(state.augmentRandom());
        EarlyStoppingState es = state.earlyStopping();
        out.putNullableDouble(es.best());
        out.putInt(es.bestEpoch());
        out.putInt(es.epochsWithoutImprovement());
        out.putInt(es.monitoredEpochs());
        out.putBoolean(state.bestParameters() != null);
        if (state.bestParameters() != null) {
            putBlocks(out, state.bestParameters());
        }
        out.putInt(state.history().size());
        for (EpochMetrics row : state.history()) {
            putRow(out, row);
        }
        return out.toArrayWithChecksum();
    }

    public static TrainingState decode(byte[] bytes, StateLimits limits) {
        ByteReader in = ByteReader.openChecksummed(bytes, FORMAT, CorruptStateException::new);
        try {
            return readBody(in, limits);
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException("inconsistent state: " + e.getMessage());
        }
    }

    private static TrainingState readBody(ByteReader in, StateLimits limits) {
        int inputs = in.getInt();
        int outputs = in.getInt();
        Output output = Output.valueOf(in.getString(MAX_NAME_BYTES));
        Initialization init = Initialization.valueOf(in.getString(MAX_NAME_BYTES));
        int hiddenCount = in.getCount(limits.maxLayers() - 1L, 8);
        List<LayerSpec> hidden = new ArrayList<>(hiddenCount);
        for (int i = 0; i < hiddenCount; i++) {
            int units = in.getInt();
            hidden.add(new LayerSpec(units, Activation.valueOf(in.getString(MAX_NAME_BYTES))));
        }
        NetworkSpec spec = new NetworkSpec(inputs, hidden, output, outputs, init);
        limits.check(spec);
        int[] sizes = spec.parameterSizes();
        int epoch = in.getInt();
        if (epoch < 0 || epoch > limits.maxEpochs()) {
            throw new CorruptStateException("epoch " + epoch + " is out of bounds");
        }
        double[][] parameters = getBlocksCounted(in, sizes);
        long step = in.getLong();
        int slotCount = in.getInt();
        if (slotCount % sizes.length != 0 || slotCount / sizes.length > 2 || slotCount < 0) {
            throw new CorruptStateException("invalid number of optimizer slots: " + slotCount);
        }
        double[][] slots = readSized(in, sizes, slotCount / sizes.length);
        long shuffle = in.getLong();
        long dropout = in.getLong();
        long augment = in.getLong();
        EarlyStoppingState es = new EarlyStoppingState(in.getNullableDouble(), in.getInt(), in.getInt(), in.getInt());
        double[][] best = in.getBoolean() ? getBlocksCounted(in, sizes) : null;
        int rows = in.getCount(limits.maxEpochs(), 8 * 8);
        List<EpochMetrics> history = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            history.add(getRow(in, spec.layerCount()));
        }
        if (!in.atEnd()) {
            throw new CorruptStateException("unexpected bytes after the state");
        }
        return new TrainingState(spec, epoch, parameters, new OptimizerState(step, slots), shuffle, dropout, augment,
                es, best, history);
    }

    private static void putBlocks(ByteWriter out, double[][] blocks) {
        out.putInt(blocks.length);
        for (double[] block : blocks) {
            out.putDoubles(block);
        }
    }

    private static double[][] getBlocksCounted(ByteReader in, int[] sizes) {
        if (in.getInt() != sizes.length) {
            throw new CorruptStateException("wrong number of parameter blocks");
        }
        return readSized(in, sizes, 1);
    }

    private static double[][] readSized(ByteReader in, int[] sizes, int repeats) {
        double[][] blocks = new double[sizes.length * repeats][];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = in.getDoubles(sizes[i % sizes.length]);
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
        out.putInt(row.layers().size());
        for (LayerMetrics layer : row.layers()) {
            out.putInt(layer.layer());
            out.putDouble(layer.weightNorm());
            out.putDouble(layer.weightL1());
            out.putDouble(layer.zeroFraction());
            out.putDouble(layer.nearZeroFraction());
            out.putDouble(layer.biasNorm());
            out.putDouble(layer.gradientNorm());
        }
    }

    private static EpochMetrics getRow(ByteReader in, int layerCount) {
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
        int layers = in.getCount(layerCount, LAYER_METRIC_BYTES);
        List<LayerMetrics> rows = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            rows.add(new LayerMetrics(in.getInt(), in.getDouble(), in.getDouble(), in.getDouble(), in.getDouble(),
                    in.getDouble(), in.getDouble()));
        }
        return new EpochMetrics(epoch, seconds, learningRate, trainLoss, trainDataLoss, penalty, l1, l2,
                trainAccuracy, valLoss, valAccuracy, trainRmse, valRmse, rows);
    }
}
