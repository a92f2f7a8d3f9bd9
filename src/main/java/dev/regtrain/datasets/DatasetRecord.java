package dev.regtrain.datasets;

import dev.regtrain.common.Owner;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An uploaded dataset as the API lists it; {@code classes} is null for regression.
 *
 * @param owner who uploaded it ({@code anonymous} without keys, and for datasets stored before owners)
 * @param damaged what is wrong when its stored data does not read back intact (it cannot be trained on), else null;
 *                found when the dataset is read, never stored
 */
public record DatasetRecord(String id, String name, int rows, int features, String task, List<String> classes,
                            String imageShape, Instant createdAt, Owner owner,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String damaged) {

    public DatasetRecord {
        owner = owner != null ? owner : Owner.ANONYMOUS; // a record stored before owners existed
    }

    public DatasetRecord(String id, String name, int rows, int features, String task, List<String> classes,
                         String imageShape, Instant createdAt, Owner owner) {
        this(id, name, rows, features, task, classes, imageShape, createdAt, owner, null);
    }

    public DatasetRecord withDamage(String problem) {
        return new DatasetRecord(id, name, rows, features, task, classes, imageShape, createdAt, owner, problem);
    }
}
