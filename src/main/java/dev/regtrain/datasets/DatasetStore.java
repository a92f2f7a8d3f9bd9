package dev.regtrain.datasets;

import dev.regtrain.data.Dataset;
import java.util.List;
import java.util.Optional;

/** Where uploaded datasets live. Implemented by the storage adapters. */
public interface DatasetStore {

    void save(DatasetRecord record, Dataset data);

    List<DatasetRecord> loadAll();

    Optional<Dataset> load(String id);

    void delete(String id);
}
