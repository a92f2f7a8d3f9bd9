package dev.regtrain.jobs.request;

import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.Predictor;
import dev.regtrain.engine.TrainingPlan;

/**
 * What a job needs in memory at its peak, by arithmetic on its resolved request before anything is allocated, array
 * by array as the job allocates them (MemoryEstimateIT measures real runs against it: the estimate is at least the
 * measured peak and at most twice it). P stands for the weights and biases, s for the optimizer's slots per weight
 * (0 sgd, 1 momentum, 2 adam). An array the collector stores in regions of its own (G1's humongous objects, half a
 * region or more) is counted in whole regions, as it occupies them.
 *
 * @param parameterBytes the weights, their gradients, the optimizer's slots, the best weights and the epoch-start
 *                       copy that a cancelled epoch rolls back to (weights and slots): (4 + 2s)·P
 * @param checkpointBytes what a checkpoint adds at its peak, (2 + s)·P: a best checkpoint kept to be written later
 *                        (weights and slots; written checkpoints stream from the trainer's buffers and copy nothing)
 *                        beside the weights of the outcome when the run ends, or the checkpoint read at a resume
 *                        until the trainer has taken it in
 * @param batchBytes the buffers of the mini-batch workspaces (the full batch and the last, shorter one):
 *                   activations, deltas, dropout masks, batch normalisation's normalised values, and the vector kernel's packed copies of both operands of
 *                   every product (of the weights too: about 2·P per workspace) and of its sparse weight gradients
 * @param validationBytes the inference workspaces of the validation pass ({@link Predictor#CHUNK_ROWS} rows and the
 *                        rest), with their packed weights (about P each), and of a pass over the training rows when
 *                        the training objective is monitored
 * @param dataBytes the prepared (standardised) training and validation examples (features in the training
 *                  precision, targets in double), the split, the shuffle order, the examples' class weights, and
 *                  mixup's buffers
 * @param loadingBytes the dataset as loaded or generated, with its labels: it is let go once the examples are
 *                     prepared, before the trainer is made, but loading, generating and preparing take it twice
 * @param historyBytes the metrics rows of every epoch, kept with the job and in its training state
 */
public record MemoryEstimate(long parameterBytes, long checkpointBytes, long batchBytes, long validationBytes,
                             long dataBytes, long loadingBytes, long historyBytes) {

    /** The job's own objects beside its arrays, and the checkpoint writer's buffer. */
    static final long FIXED_BYTES = 8L << 20;

    /** What is added to the arrays counted, for what they do not count (an eighth). */
    static final int MARGIN_SHIFT = 3;

    /**
     * The vector kernel pads the rows of a packed operand to its tile height: two vectors, 16 doubles or 32 floats with
     * AVX-512 (8 or 16 with AVX2); {@link Arrays#tileRows()} gives the one of the training precision.
     */
    private static final int TILE_ROW_BYTES = 128;
    /** ... and the columns to its tile width (6 or 4). */
    private static final int TILE_COLUMNS = 6;
    /** Weight gradients of layers with at least this many inputs have a sparse path, with buffers of their own. */
    private static final int SPARSE_MIN_ROWS = 32;
    private static final int SPARSE_DEPTH_BLOCK = 128;

    /**
     * The whole estimate: the larger of the peak while training (the trainer's arrays beside the prepared data) and
     * the peak while the data is loaded and prepared (the dataset twice, beside a checkpoint read back to resume
     * from), plus the history, an eighth more and the fixed part.
     */
    public long bytes() {
        long training = parameterBytes + checkpointBytes + batchBytes + validationBytes + dataBytes;
        long preparing = loadingBytes + Math.max(loadingBytes, dataBytes) + checkpointBytes;
        long arrays = Math.max(training, preparing) + historyBytes;
        return arrays + (arrays >> MARGIN_SHIFT) + FIXED_BYTES;
    }

    /**
     * The estimate for a job that trains {@code plan} on {@code rows} examples of which between {@code minTrainRows}
     * and {@code maxTrainRows} train (a stratified split's count is known to a few rows), the rest validate.
     *
     * @param mixup whether mixup augmentation is on (it keeps a copy of the batch)
     * @param regionBytes the collector's region size ({@link HeapRegions})
     */
    static MemoryEstimate of(TrainingPlan plan, long rows, long minTrainRows, long maxTrainRows, boolean mixup,
                             long regionBytes) {
        Arrays arrays = new Arrays(regionBytes, plan.precision() == Precision.FLOAT32 ? 4 : 8);
        NetworkSpec spec = plan.network();
        int slots = plan.optimizer().kind().slots();
        long oneCopy = 0; // every block: weights, biases, and batch normalisation's γ, β and running statistics
        long oneCopyInDoubles = 0; // the same as a training state holds it, in double whatever the precision
        for (NetworkSpec.BlockShape block : spec.blocks()) {
            oneCopy += arrays.values(block.size());
            oneCopyInDoubles += arrays.doubles(block.size());
        }
        long batch = plan.batchSize() == 0 ? maxTrainRows : Math.min(plan.batchSize(), maxTrainRows);
        long lastBatch = largestRemainder(minTrainRows, maxTrainRows, batch);
        long batchBytes = trainingWorkspace(plan, batch, arrays)
                + (lastBatch > 0 ? trainingWorkspace(plan, lastBatch, arrays) : 0);
        long validationBytes = inferencePass(spec, rows - maxTrainRows, rows - minTrainRows, arrays);
        if (plan.monitorsTrainingObjective()) { // the training objective is evaluated over the training rows
            validationBytes += inferencePass(spec, minTrainRows, maxTrainRows, arrays);
        }
        long maxValidation = rows - minTrainRows;
        long inputs = spec.inputs();
        long outputs = spec.outputs();
        long loadingBytes = arrays.doubles(rows * inputs) + arrays.doubles(rows); // the features and the labels
        long dataBytes = arrays.values(maxTrainRows * inputs) + arrays.doubles(maxTrainRows * outputs)
                + arrays.values(maxValidation * inputs) + arrays.doubles(maxValidation * outputs)
                + arrays.ints(rows) + arrays.ints(maxTrainRows) // the split, the shuffle order
                + arrays.doubles(maxTrainRows) // the examples' class weights
                + (mixup ? arrays.doubles(batch * inputs) + arrays.doubles(batch * outputs) + arrays.ints(batch) : 0);
        long historyBytes = (long) plan.epochs() * (256 + 80L * spec.layerCount());
        return new MemoryEstimate((4 + 2L * slots) * oneCopy, (2 + slots) * oneCopyInDoubles, batchBytes, validationBytes,
                dataBytes, loadingBytes, historyBytes);
    }

    /**
     * The inference workspaces of a pass over between {@code minRows} and {@code maxRows} examples, in chunks of
     * {@link Predictor#CHUNK_ROWS} and the rest; none for no rows.
     */
    private static long inferencePass(NetworkSpec spec, long minRows, long maxRows, Arrays arrays) {
        if (maxRows <= 0) {
            return 0;
        }
        long chunk = Math.min(Predictor.CHUNK_ROWS, maxRows);
        long rest = maxRows > chunk ? largestRemainder(minRows, maxRows, chunk) : 0;
        return inferenceWorkspace(spec, chunk, arrays) + (rest > 0 ? inferenceWorkspace(spec, rest, arrays) : 0);
    }

    /** The largest {@code m mod batch} over the possible training row counts m (0 when every one divides). */
    private static long largestRemainder(long minRows, long maxRows, long batch) {
        long largest = 0;
        for (long m = Math.max(1, minRows); m <= maxRows; m++) {
            largest = Math.max(largest, m % batch);
        }
        return largest;
    }

    /**
     * A workspace that trains on {@code rows} examples at once, per layer l of n[l−1] → n[l] units: the activations
     * and deltas, the dropout masks and dropped outputs, and the kernel's packed operands of the forward product (the
     * batch and the weights), of the weight gradient (the batch's inputs and deltas, and its sparse lists) and of the
     * backward product (the deltas and the weights).
     */
    private static long trainingWorkspace(TrainingPlan plan, long rows, Arrays arrays) {
        NetworkSpec spec = plan.network();
        long bytes = arrays.values(rows * spec.inputs()) + 2 * arrays.values(rows * spec.outputs());
        for (int l = 1; l <= spec.layerCount(); l++) {
            long in = spec.units(l - 1);
            long out = spec.units(l);
            bytes += 2 * arrays.values(rows * out); // activations, deltas
            bytes += forwardProduct(rows, in, out, arrays);
            bytes += arrays.values(padded(in, arrays.tileRows()) * rows) + arrays.values(padded(out, TILE_COLUMNS) * rows);
            if (in >= SPARSE_MIN_ROWS) {
                bytes += arrays.values(rows * out) + arrays.ints(rows * out)
                        + arrays.ints(out * ((rows + SPARSE_DEPTH_BLOCK - 1) / SPARSE_DEPTH_BLOCK))
                        + arrays.values(padded(in, SPARSE_MIN_ROWS) * rows);
            }
            if (l > 1) { // backward: δ[l−1] = δ[l]·W[l]ᵀ
                bytes += arrays.values(padded(rows, arrays.tileRows()) * out) + arrays.values(padded(in, TILE_COLUMNS) * out);
            }
            double dropRate = l == 1 ? plan.dropout().inputRate() : plan.dropout().hiddenRates().get(l - 2);
            if (dropRate > 0) {
                bytes += 2 * arrays.values(rows * in); // the mask and the dropped output of layer l − 1
            }
            if (spec.batchNorm(l)) {
                bytes += arrays.values(rows * out) + 3 * arrays.values(out); // normalised values, batch statistics
            }
        }
        return bytes;
    }

    /** An inference workspace of {@code rows} examples: activations and the forward products' packed operands. */
    private static long inferenceWorkspace(NetworkSpec spec, long rows, Arrays arrays) {
        long bytes = arrays.values(rows * spec.inputs()) + 2 * arrays.values(rows * spec.outputs());
        for (int l = 1; l <= spec.layerCount(); l++) {
            bytes += arrays.values(rows * spec.units(l)) + forwardProduct(rows, spec.units(l - 1), spec.units(l), arrays);
        }
        return bytes;
    }

    /** The packed operands of out[l−1]·W[l]: the batch's rows and the weights' columns. */
    private static long forwardProduct(long rows, long in, long out, Arrays arrays) {
        return arrays.values(padded(rows, arrays.tileRows()) * in) + arrays.values(padded(out, TILE_COLUMNS) * in)
                + arrays.ints(in);
    }

    private static long padded(long count, int multiple) {
        return (count + multiple - 1) / multiple * multiple;
    }

    /** The heap an array takes: its values and header, in whole regions when the collector gives it regions. */
    private record Arrays(long regionBytes, int valueBytes) {

        private static final long HEADER_BYTES = 16;

        long doubles(long count) {
            return of(8 * count);
        }

        int tileRows() {
            return TILE_ROW_BYTES / valueBytes;
        }

        /** An array of the training precision's values (the network's, its gradients', the workspaces'). */
        long values(long count) {
            return of((long) valueBytes * count);
        }

        long ints(long count) {
            return of(4 * count);
        }

        private long of(long valueBytes) {
            long bytes = valueBytes + HEADER_BYTES;
            if (regionBytes <= 0 || bytes < regionBytes / 2) {
                return bytes;
            }
            return (bytes + regionBytes - 1) / regionBytes * regionBytes;
        }
    }
}
