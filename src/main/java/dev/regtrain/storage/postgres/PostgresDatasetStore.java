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
 * Uploaded datasets in PostgreSQL's {@code datasets} table: the record as JSON and the encoded data
 * ({@link DatasetCodec}: versioned, checksummed) in one row, written in one statement, so a dataset exists only once it
 * is complete.
 */
final class PostgresDatasetStore implements DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatasetStore.class);

    private final Database db;
    private final RegtrainProperties.Limits limits;

    PostgresDatasetStore(Database db, RegtrainProperties.Limits limits) {
        this.db = db;
        this.limits = limits;
    }

    @Override
    public void save(DatasetRecord record, Dataset data) {
        byte[] bytes = DatasetCodec.encode(data);
        db.run("save dataset " + record.id(), () -> db.jdbc.update("insert into datasets (id, created_nanos, record, "
                + "data) values (?, ?, ?, ?) on conflict (id) do update set record = excluded.record, data = "
                + "excluded.data", record.id(), PostgresJobStore.nanos(record.createdAt()), Database.json(record),
                bytes));
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
        List<byte[]> data = db.call("read dataset " + id, () -> db.jdbc.queryForList(
                "select data from datasets where id = ?", byte[].class, id));
        if (data.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatasetCodec.decode(data.get(0), limits.maxRows(), limits.maxColumns()));
        } catch (CorruptDatasetException e) {
            throw new DamagedDataException("dataset " + id + " is damaged: its stored data does not read back intact; "
                    + "it cannot be trained on");
        }
    }

    /** The stored data's lengths ({@code octet_length} reads a value's stored size, not the value). */
    @Override
    public long storedBytes(Owner owner) {
        return db.call("count the datasets' bytes of " + owner.name(), () -> db.jdbc.queryForObject("select "
                + "coalesce(sum(octet_length(data)), 0) from datasets where " + PostgresJobStore.OWNED_BY, Long.class,
                PostgresJobStore.ownedBy(owner)));
    }

    @Override
    public void delete(String id) {
        db.run("delete dataset " + id, () -> db.jdbc.update("delete from datasets where id = ?", id));
    }
}
