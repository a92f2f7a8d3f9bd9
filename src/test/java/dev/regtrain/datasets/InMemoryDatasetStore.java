package dev.regtrain.datasets;

import dev.regtrain.common.Owner;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DatasetStore} in memory for unit tests; it passes the same contract as the real adapters. Data is kept
 * encoded, as a real store keeps it.
 */
public final class InMemoryDatasetStore implements DatasetStore {

    private final Map<String, DatasetRecord> records = new ConcurrentHashMap<>();
    private final Map<String, byte[]> data = new ConcurrentHashMap<>();

    @Override
    public void save(DatasetRecord record, Dataset dataset) {
        data.put(record.id(), DatasetCodec.encode(dataset));
        records.put(record.id(), record);
    }

    @Override
    public Optional<DatasetRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<DatasetRecord> list() {
        return records.values().stream().sorted(Comparator.comparing(DatasetRecord::createdAt).reversed()
                .thenComparing(DatasetRecord::id)).toList();
    }

    @Override
    public Optional<Dataset> load(String id) {
        byte[] bytes = records.containsKey(id) ? data.get(id) : null;
        return bytes == null ? Optional.empty() : Optional.of(DatasetCodec.decode(bytes, 10_000_000, 100_000));
    }

    @Override
    public long storedBytes(Owner owner) {
        return records.values().stream().filter(r -> owner.equals(r.owner()))
                .mapToLong(r -> data.getOrDefault(r.id(), new byte[0]).length).sum();
    }

    @Override
    public void delete(String id) {
        records.remove(id);
        data.remove(id);
    }
}
