package dev.regtrain.storage.postgres;

import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.Owner;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.CorruptDatasetException;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded datasets in PostgreSQL: the record as JSON in {@code datasets}, the encoded data ({@link DatasetCodec}:
 * versioned, checksummed) streamed into {@code dataset_chunks} ({@link Chunks}), both in one transaction, so a dataset
 * exists only once it is complete.
 */
final class PostgresDatasetStore implements DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatasetStore.class);

    private final Database db;
    private final RegtrainProperties.Limits limits;
    private final Chunks chunks;

    PostgresDatasetStore(Database db, RegtrainProperties.Limits limits) {
        this.db = db;
        this.chunks = new Chunks(db, "dataset_chunks", "dataset_id");
        this.limits = limits;
    }

    @Override
    public void save(DatasetRecord record, Dataset data) {
        List<Object> key = List.of(record.id());
        db.inTransaction("save dataset " + record.id(), () -> {
            Chunks.Written written = chunks.replace(key, sink -> DatasetCodec.encode(data, sink));
            return db.jdbc.update("insert into datasets (id, created_nanos, record, size_bytes) values (?, ?, ?, ?) "
                    + "on conflict (id) do update set record = excluded.record, size_bytes = excluded.size_bytes",
                    record.id(), Database.nanos(record.createdAt()), Database.json(record), written.size());
        });
    }

    @Override
    public Optional<DatasetRecord> find(String id) {
        return db.call("read dataset " + id, () -> db.jdbc.queryForList("select record from datasets where id = ?",
                String.class, id)).stream().findFirst().map(text -> readable(id, text));
    }

    private static DatasetRecord readable(String id, String text) {
        DatasetRecord record = Database.read(text, DatasetRecord.class);
        if (record == null) {
            log.warn("dataset {}: its stored record is not readable", id);
        }
        return record;
    }

    @Override
    public List<DatasetRecord> list() {
        return db.call("list datasets", () -> db.jdbc.query("select id, record from datasets order by created_nanos "
                + "desc, id collate \"C\"", (rs, i) -> readable(rs.getString(1), rs.getString(2))))
                .stream().filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<Dataset> load(String id) {
        List<Object> key = List.of(id);
        byte[] data = db.inTransaction("read dataset " + id, () -> {
            List<Long> size = db.jdbc.queryForList("select size_bytes from datasets where id = ?", Long.class, id);
            return size.isEmpty() ? null : chunks.read(key, size.get(0));
        });
        if (data == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatasetCodec.decode(data, limits.maxRows(), limits.maxColumns()));
        } catch (CorruptDatasetException e) {
            throw new DamagedDataException("dataset " + id + " is damaged: its stored data does not read back intact; "
                    + "it cannot be trained on");
        }
    }

    /** The stored data's lengths, as each dataset's row keeps it. */
    @Override
    public long storedBytes(Owner owner) {
        return db.call("count the datasets' bytes of " + owner.name(), () -> db.jdbc.queryForObject("select "
                + "coalesce(sum(size_bytes), 0) from datasets where " + PostgresJobStore.OWNED_BY, Long.class,
                PostgresJobStore.ownedBy(owner)));
    }

    @Override
    public void delete(String id) {
        db.run("delete dataset " + id, () -> db.jdbc.update("delete from datasets where id = ?", id));
    }
}
