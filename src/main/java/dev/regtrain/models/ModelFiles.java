package dev.regtrain.models;

import dev.regtrain.common.Sha256;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.onnx.OnnxExport;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Models and checkpoints as the files a client downloads (a JSON model document or an ONNX model), each with the
 * SHA-256 of its bytes, and the checkpoint list with the size and SHA-256 of the document each entry serves.
 */
@Service
public class ModelFiles {

    /** A download: its bytes and their SHA-256 (lower-case hex), also its entity tag. */
    public record ModelFile(byte[] bytes, String sha256) {
    }

    private static final int DESCRIPTIONS_KEPT = 4096;

    private final ModelService models;
    private final JsonMapper json;
    /** Described checkpoints by job, ref and stored digest: a stored checkpoint's document never changes. */
    private final Map<String, CheckpointInfo> described = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CheckpointInfo> eldest) {
            return size() > DESCRIPTIONS_KEPT;
        }
    };

    public ModelFiles(ModelService models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    public ModelFile checkpoint(String jobId, String ref, ExportFormat.Choice choice) {
        return file(models.checkpoint(jobId, ref), choice);
    }

    public ModelFile model(String jobId, ExportFormat.Choice choice) {
        return file(models.model(jobId), choice);
    }

    private ModelFile file(ModelDocument document, ExportFormat.Choice choice) {
        byte[] bytes = choice.format() == ExportFormat.ONNX ? OnnxExport.write(document, choice.precision())
                : json.writeValueAsBytes(document);
        return new ModelFile(bytes, Sha256.hex(bytes));
    }

    /**
     * The checkpoints, each with the size and SHA-256 of the model document that {@code GET …/checkpoints/{ref}}
     * serves for it; one that no longer reads back intact is left out.
     */
    public List<CheckpointInfo> checkpoints(String jobId) {
        return models.storedCheckpoints(jobId).stream().map(stored -> describe(jobId, stored))
                .flatMap(Optional::stream).toList();
    }

    private Optional<CheckpointInfo> describe(String jobId, CheckpointInfo stored) {
        String key = jobId + '/' + stored.ref() + '/' + stored.sha256();
        synchronized (described) {
            CheckpointInfo known = described.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<CheckpointInfo> info = models.served(jobId, stored.ref()).map(served -> {
            CheckpointInfo c = served.checkpoint();
            Counting counting = new Counting();
            DigestOutputStream digest = new DigestOutputStream(counting, Sha256.digest());
            json.writeValue(digest, served.document());
            return new CheckpointInfo(c.ref(), c.epoch(), c.kind(), c.monitorValue(), c.createdAt(), counting.bytes,
                    Sha256.hex(digest.getMessageDigest()));
        });
        info.ifPresent(i -> {
            synchronized (described) {
                described.put(key, i);
            }
        });
        return info;
    }

    /** Counts what is written to it and keeps nothing. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
