package dev.regtrain.api;

import dev.regtrain.common.ApiNames;
import dev.regtrain.common.Callers;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.Owner;
import dev.regtrain.security.ApiKey;
import dev.regtrain.security.KeyService;
import dev.regtrain.security.NewKey;
import dev.regtrain.security.Role;
import dev.regtrain.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys, for admins (regtrain.security.mode=api-key): a key that is not an admin's gets 403 here (the key
 * endpoints are no secret; what they manage is), and without keys these endpoints answer 409.
 */
@RestController
@RequestMapping(path = "/api/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Keys")
class KeyController {

    private final KeyService keys;
    private final Callers callers;
    private final boolean on;

    KeyController(KeyService keys, Callers callers, SecurityProperties properties) {
        this.keys = keys;
        this.callers = callers;
        this.on = properties.keys();
    }

    @Schema(name = "KeyRequest", requiredProperties = {"owner", "role"})
    record KeyRequest(
            @Schema(description = "Whose resources the key works with: 1-64 characters of A-Z a-z 0-9 . _ -",
                    example = "team-a") String owner,
            @Schema(description = "user or admin (admins see every owner's resources and manage keys)",
                    allowableValues = {"user", "admin"}, example = "user") String role,
            @Schema(description = "What the key is for", example = "ci") String name) {
    }

    @Schema(name = "Key", requiredProperties = {"id", "owner", "role", "createdAt"})
    record KeyView(@Schema(example = "key_3f2a9c0d1e4b5a6f7c8d") String id,
                   @Schema(example = "team-a") String owner,
                   @Schema(allowableValues = {"user", "admin"}) String role,
                   @Schema(example = "ci") String name,
                   Instant createdAt) {

        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.owner().name(), ApiNames.of(key.role()), key.name(), key.createdAt());
        }
    }

    @Schema(name = "CreatedKey", requiredProperties = {"id", "owner", "role", "createdAt", "key"})
    record CreatedKey(@Schema(example = "key_3f2a9c0d1e4b5a6f7c8d") String id,
                      @Schema(example = "team-a") String owner,
                      @Schema(allowableValues = {"user", "admin"}) String role,
                      @Schema(example = "ci") String name,
                      Instant createdAt,
                      @Schema(description = "The key itself, shown this once: only its SHA-256 is kept",
                              example = "rtk_Jx3...") String key) {

        static CreatedKey of(NewKey created) {
            KeyView view = KeyView.of(created.key());
            return new CreatedKey(view.id(), view.owner(), view.role(), view.name(), view.createdAt(),
                    created.secret());
        }
    }

    @Schema(description = "Every key, oldest first, without the keys themselves")
    record KeyList(List<KeyView> keys) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createKey", summary = "Create an API key (admin)",
            description = "The answer holds the key; it is shown this once (only its SHA-256 is stored).")
    @ApiResponse(responseCode = "201", description = "Created, with Location")
    @ApiResponse(responseCode = "403", description = "The key is not an admin's")
    @ApiResponse(responseCode = "409", description = "Keys are off (regtrain.security.mode=none)")
    ResponseEntity<CreatedKey> create(@RequestBody KeyRequest request) {
        requireKeys();
        if (request.owner() == null) {
            throw new InvalidRequestException("owner", "is required");
        }
        Owner owner = new Owner(request.owner());
        Role role;
        try {
            role = ApiNames.parse(Role.class, request.role() == null ? "" : request.role());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", "must be one of " + String.join(", ", ApiNames.of(Role.class)));
        }
        NewKey created = keys.create(owner, role, request.name(), callers.current().owner());
        return ResponseEntity.created(URI.create("/api/v1/keys/" + created.key().id()))
                .body(CreatedKey.of(created));
    }

    @GetMapping
    @Operation(operationId = "listKeys", summary = "List the API keys (admin)",
            description = "Every key with its owner, role and name, oldest first; never the keys themselves.")
    KeyList list() {
        requireKeys();
        return new KeyList(keys.list().stream().map(KeyView::of).toList());
    }

    @DeleteMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeKey", summary = "Revoke an API key (admin)",
            description = "From the next request on, the key is refused with 401.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    void revoke(@PathVariable String id) {
        requireKeys();
        keys.revoke(id, callers.current().owner());
    }

    private void requireKeys() {
        if (!on) {
            throw new ConflictException("keys are off (regtrain.security.mode=none): set "
                    + "regtrain.security.mode=api-key to use them");
        }
    }
}
