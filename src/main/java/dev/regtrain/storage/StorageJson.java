package dev.regtrain.storage;

import java.nio.file.Path;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper for files: lenient about unknown fields (files outlive versions), and the id rule for paths. */
final class StorageJson {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StorageJson() {
    }

    /** The directory of an id under a root; only service-issued ids are accepted, so no path can escape. */
    static Path directory(Path root, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid id");
        }
        return root.resolve(id);
    }
}
