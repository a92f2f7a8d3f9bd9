package dev.regtrain.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Owner;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.data.Dataset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DatasetStore} adapter must do; each adapter's test class extends this one. */
public abstract class DatasetStoreContract {

    protected DatasetStore store;

    protected abstract DatasetStore newStore();

    /** A new adapter on the same storage, as after a restart. */
    protected abstract DatasetStore reopen();

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected static final Dataset MOONS = BuiltinDatasets.generate("moons", Map.of("samples", 30.0), 7);

    protected static DatasetRecord record(int minute) {
        return new DatasetRecord(UUID.randomUUID().toString(), "moons", MOONS.rows(), MOONS.inputs(),
                "classification", MOONS.classes(), null, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute),
                null);
    }

    protected static DatasetRecord record(int minute, Owner owner) {
        DatasetRecord r = record(minute);
        return new DatasetRecord(r.id(), r.name(), r.rows(), r.features(), r.task(), r.classes(), r.imageShape(),
                r.createdAt(), owner);
    }

    @Test
    void storedBytesAreTheEncodedDataOfOneOwnersDatasets() {
        long one = DatasetCodec.encode(MOONS).length;
        Owner a = new Owner("team-a");
        DatasetRecord first = record(1, a);
        store.save(first, MOONS);
        store.save(record(2, a), MOONS);
        store.save(record(3, new Owner("team-b")), MOONS);
        store.save(record(4), MOONS);

        assertThat(store.storedBytes(a)).isEqualTo(2 * one);
        assertThat(store.storedBytes(new Owner("team-b"))).isEqualTo(one);
        assertThat(store.storedBytes(Owner.ANONYMOUS)).isEqualTo(one);
        assertThat(store.storedBytes(new Owner("nobody"))).isZero();
        assertThat(reopen().storedBytes(a)).isEqualTo(2 * one);

        store.delete(first.id());
        assertThat(store.storedBytes(a)).isEqualTo(one);
    }

    @Test
    void aSavedDatasetIsFoundListedAndLoadedAsItWas() {
        DatasetRecord older = record(1);
        DatasetRecord newer = record(2);
        store.save(older, MOONS);
        store.save(newer, MOONS);

        assertThat(store.find(older.id())).contains(older);
        assertThat(store.list()).containsExactly(newer, older);
        assertThat(store.load(newer.id())).contains(MOONS);
        assertThat(reopen().load(older.id())).contains(MOONS);
        assertThat(reopen().list()).containsExactly(newer, older);
    }

    @Test
    void anUnknownDatasetHasNeitherRecordNorData() {
        String id = UUID.randomUUID().toString();
        assertThat(store.find(id)).isEmpty();
        assertThat(store.load(id)).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aDeletedDatasetIsGoneWithItsDataAndOthersStay() {
        DatasetRecord gone = record(1);
        DatasetRecord kept = record(2);
        store.save(gone, MOONS);
        store.save(kept, MOONS);

        store.delete(gone.id());

        assertThat(store.find(gone.id())).isEmpty();
        assertThat(store.load(gone.id())).isEmpty();
        assertThat(store.list()).isEqualTo(List.of(kept));
        assertThat(reopen().find(gone.id())).isEmpty();
    }
}
