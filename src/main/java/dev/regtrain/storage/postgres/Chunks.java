package dev.regtrain.storage.postgres;

import dev.regtrain.common.Sha256;
import dev.regtrain.engine.state.ByteSink;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Content too large for one value (an encoded dataset, a training state) as numbered {@code bytea} rows of at most
 * {@link #CHUNK_BYTES} in a table of chunks keyed by their owner's key columns and {@code seq} (migration V5). Written
 * from a stream a chunk at a time and read back through a cursor a chunk at a time, inside the caller's transaction:
 * the content is complete when that transaction commits, and absent if it does not.
 *
 * <p>Why rows and not PostgreSQL's large objects: a large object lives outside the table, so every path that deletes
 * a dataset or a checkpoint would have to unlink it (or leave it orphaned), while a chunk goes with its row by the
 * foreign key's cascade, under the same row locks and fencing as the row.
 */
final class Chunks {

    /** The largest chunk: a row small enough to hold in memory twice (the driver's copy and ours). */
    static final int CHUNK_BYTES = 1 << 20;

    /** What a write gave: the content's length and the hex SHA-256 of it. */
    record Written(long size, String sha256) {
    }

    private final Database db;
    private final String table;
    private final String[] keyColumns;
    private final String where;
    private final String insert;

    /** Chunks in {@code table}, whose owner is named by {@code keyColumns} (each compared with {@code =}). */
    Chunks(Database db, String table, String... keyColumns) {
        this.db = db;
        this.table = table;
        this.keyColumns = keyColumns.clone();
        this.where = String.join(" = ? and ", keyColumns) + " = ?";
        this.insert = "insert into " + table + " (" + String.join(", ", keyColumns) + ", seq, data) values ("
                + "?, ".repeat(keyColumns.length) + "?, ?)";
    }

    /**
     * Within a transaction: replaces the chunks of {@code key} by what {@code content} writes into the sink it is
     * given, a chunk per {@link #CHUNK_BYTES}; returns their length and digest.
     */
    Written replace(List<Object> key, Consumer<ByteSink> content) {
        delete(key);
        ChunkSink sink = new ChunkSink(key);
        content.accept(sink);
        return sink.finish();
    }

    /**
     * Cuts what it is given into rows of {@link #CHUNK_BYTES}, digesting it on the way. Its buffer grows to a chunk
     * only as the content does: a small job's state (a few kilobytes) does not allocate a whole chunk.
     */
    private final class ChunkSink implements ByteSink {

        private static final int FIRST_BUFFER_BYTES = 64 << 10;

        private final List<Object> key;
        private final MessageDigest sha = Sha256.digest();
        private byte[] buffer = new byte[FIRST_BUFFER_BYTES];
        private int filled;
        private int seq;
        private long size;

        ChunkSink(List<Object> key) {
            this.key = key;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            sha.update(bytes, offset, length);
            size += length;
            for (int done = 0; done < length; ) {
                if (filled == buffer.length && buffer.length < CHUNK_BYTES) {
                    buffer = Arrays.copyOf(buffer, Math.min(CHUNK_BYTES, 2 * buffer.length));
                }
                int n = Math.min(length - done, buffer.length - filled);
                System.arraycopy(bytes, offset + done, buffer, filled, n);
                filled += n;
                done += n;
                if (filled == CHUNK_BYTES) {
                    flush();
                }
            }
        }

        private void flush() {
            if (filled > 0) {
                // a full chunk goes as it is (the statement has run when update returns, so it may be refilled)
                byte[] data = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
                db.jdbc.update(insert, args(key, seq++, data));
                filled = 0;
            }
        }

        Written finish() {
            flush();
            return new Written(size, Sha256.hex(sha));
        }
    }

    /** Within a transaction: the chunks of {@code to} become a copy of those of {@code from}, made in the database. */
    void copy(List<Object> from, List<Object> to) {
        delete(to);
        Object[] args = new Object[to.size() + from.size()];
        to.toArray(args);
        System.arraycopy(from.toArray(), 0, args, to.size(), from.size());
        db.jdbc.update("insert into " + table + " (" + String.join(", ", keyColumns) + ", seq, data) select "
                + "?, ".repeat(keyColumns.length) + "seq, data from " + table + " where " + where, args);
    }

    void delete(List<Object> key) {
        db.jdbc.update("delete from " + table + " where " + where, key.toArray());
    }

    /**
     * Within a transaction (a cursor needs one): the content of {@code key}, whose length its owner's row says is
     * {@code size}, read a chunk at a time into one array; null when it has no chunks. Content of another length than
     * {@code size} is returned as it is, for the caller's decoder to find damaged.
     */
    byte[] read(List<Object> key, long size) {
        byte[][] content = {new byte[(int) Math.min(Math.max(size, 0), Integer.MAX_VALUE - 8)]};
        int[] length = {0};
        boolean[] any = {false};
        db.jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select data from " + table + " where " + where
                    + " order by seq");
            statement.setFetchSize(1);
            for (int i = 0; i < key.size(); i++) {
                statement.setObject(i + 1, key.get(i));
            }
            return statement;
        }, rs -> {
            any[0] = true;
            byte[] chunk = rs.getBytes(1);
            if (length[0] + chunk.length > content[0].length) {
                content[0] = Arrays.copyOf(content[0], length[0] + chunk.length);
            }
            System.arraycopy(chunk, 0, content[0], length[0], chunk.length);
            length[0] += chunk.length;
        });
        if (!any[0]) {
            return null;
        }
        return length[0] == content[0].length ? content[0] : Arrays.copyOf(content[0], length[0]);
    }

    private static Object[] args(List<Object> key, int seq, byte[] data) {
        Object[] args = Arrays.copyOf(key.toArray(), key.size() + 2);
        args[key.size()] = seq;
        args[key.size() + 1] = data;
        return args;
    }
}
