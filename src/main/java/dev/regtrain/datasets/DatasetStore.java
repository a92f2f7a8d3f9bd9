package dev.regtrain.datasets;

import dev.regtrain.common.Owner;
import dev.regtrain.data.Dataset;
import java.util.List;
import java.util.Optional;

/**
 * Where uploaded datasets live; the storage adapters implement it and {@code DatasetStoreContract} holds every adapter
 * to the same behaviour. A dataset exists once {@link #save} returns: a reader never sees a record without its data.
 */
public interface DatasetStore {

    void save(DatasetRecord record, Dataset data);

    Optional<DatasetRecord> find(String id);

    /** Every dataset, newest first (by creation time, then id). */
    List<DatasetRecord> list();

    /** The data of a dataset; empty when it is unknown or its data cannot be read back intact. */
    Optional<Dataset> load(String id);

    /** Removes the dataset's record and data. */
    void delete(String id);

    /**
     * The bytes the data of {@code owner}'s datasets take in this store (the encoded data, {@code DatasetCodec}; not
     * the records), from sizes the store knows without reading the data: what the storage quota counts.
     */
    long storedBytes(Owner owner);
}
