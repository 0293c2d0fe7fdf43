package dev.samuel.registry.domain;

import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.registry.AliasMoveRecord;
import dev.samuel.contracts.registry.AliasRecord;
import dev.samuel.contracts.registry.RegistryKey;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.SpecRecord;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.registry.artifact.MetadataStamp;
import dev.samuel.registry.domain.Change.Entry;
import dev.samuel.registry.store.ArtifactStore;
import dev.samuel.registry.validate.InvalidModelException;
import dev.samuel.registry.validate.ModelValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's commands. Each decides its records from the state under the writer's lock, so a version
 * number is allocated once: the next one after the highest in the log, which only grows because versions
 * are never deleted. Uploads are validated before the lock is taken; a version's stamp, store and record
 * are serialized, since the stamp names the version.
 */
public final class ModelRegistry {

    private final RegistryState state;
    private final Optional<ChangeWriter> writer;
    private final ArtifactStore store;
    private final ModelValidator validator;
    private final RegistryEvents events;
    private final Clock clock;

    public ModelRegistry(RegistryState state, Optional<ChangeWriter> writer, ArtifactStore store,
                         ModelValidator validator, RegistryEvents events, Clock clock) {
        this.state = state;
        this.writer = writer;
        this.store = store;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /** A spec after a write, and whether the write created the model. */
    public record SpecResult(SpecRecord record, boolean created) {
    }

    public RegistryQueries queries() {
        return new RegistryQueries(state);
    }

    public SpecResult createSpec(ModelSpec spec) {
        return writer().write(current -> {
            if (current.spec(spec.name()).isPresent()) {
                throw RegistryException.conflict("model '" + spec.name() + "' already exists; PUT /models/"
                        + spec.name() + " updates its spec");
            }
            var record = new SpecRecord(spec, 1, now());
            return Change.of(new SpecResult(record, true), record);
        });
    }

    /** Creates the model or updates its spec; an identical spec writes nothing and keeps its revision. */
    public SpecResult putSpec(ModelSpec spec) {
        return writer().write(current -> {
            var existing = current.spec(spec.name());
            if (existing.isPresent() && existing.get().spec().equals(spec)) {
                return Change.none(new SpecResult(existing.get(), false));
            }
            var record = new SpecRecord(spec, existing.map(r -> r.revision() + 1).orElse(1), now());
            return Change.of(new SpecResult(record, existing.isEmpty()), record);
        });
    }

    /**
     * Registers a program as the model's next version: validated against the spec (its signature read once, with the
     * output kind the importer declared, if any), then, under the writer's lock because the stamp names the version,
     * stamped with what the registry knows of it, stored and recorded.
     */
    public VersionRecord register(String model, byte[] onnx, Map<String, Double> metrics, Map<String, String> lineage,
                                  Optional<OutputKind> declared) {
        var validatedAgainst = RegistryQueries.requireSpec(state, model);
        writer();
        ProgramSignature signature;
        try {
            signature = validator.validate(validatedAgainst.spec(), onnx, declared);
        } catch (InvalidModelException e) {
            events.validationFailed(model, e.reason());
            throw e;
        }
        return writer().write(current -> {
            var spec = RegistryQueries.requireSpec(current, model);
            if (spec.revision() != validatedAgainst.revision()) {
                throw RegistryException.conflict("the spec of '" + model + "' changed (revision "
                        + validatedAgainst.revision() + " -> " + spec.revision()
                        + ") while the model was validated; register it again");
            }
            int number = current.latestVersion(model) + 1;
            var stamped = MetadataStamp.stamp(onnx, ProgramMetadata.registered(model, number, signature, metrics, lineage));
            var record = new VersionRecord(model, number, store(stamped), stamped.length, metrics, lineage, now(),
                    signature);
            return Change.of(record, record);
        });
    }

    /** Points an alias at a version: a promotion, or a roll-back when the version is older. Every move is kept. */
    public AliasRecord setAlias(String model, String alias, int version, String reason) {
        RegistryQueries.requireAliasName(alias);
        return writer().write(current -> {
            RegistryQueries.requireVersion(current, model, version);
            var existing = current.alias(model, alias);
            if (existing.isPresent() && existing.get().version() == version) {
                return Change.none(existing.get());
            }
            var record = new AliasRecord(model, alias, version, now(), reason);
            var move = new AliasMoveRecord(model, alias, current.lastAliasMove(model) + 1,
                    existing.map(AliasRecord::version).orElse(null), version, record.movedAt(), reason);
            return Change.of(record, record, move);
        });
    }

    /** Deletes an alias; its history stays, with the deletion as its last move. */
    public AliasRecord deleteAlias(String model, String alias, String reason) {
        return writer().write(current -> {
            RegistryQueries.requireSpec(current, model);
            var existing = current.alias(model, alias).orElseThrow(() -> RegistryException.notFound(
                    "model '" + model + "' has no alias '" + alias + "'"));
            var move = new AliasMoveRecord(model, alias, current.lastAliasMove(model) + 1, existing.version(), null,
                    now(), reason);
            return new Change<>(List.of(Entry.tombstone(RegistryKey.alias(model, alias)), Entry.of(move)), existing);
        });
    }

    /**
     * Retires a model: its spec and its aliases are deleted, so ingest dead-letters its examples as
     * {@code unknown_model} and inference stops serving it. Its versions, artifacts and alias history stay, for
     * audit; a model created again under the name goes on numbering its versions.
     */
    public SpecRecord deleteModel(String model, String reason) {
        return writer().write(current -> {
            var spec = RegistryQueries.requireSpec(current, model);
            var entries = new ArrayList<Entry>();
            long sequence = current.lastAliasMove(model);
            for (var alias : current.aliases(model).values()) {
                entries.add(Entry.tombstone(RegistryKey.alias(model, alias.alias())));
                entries.add(Entry.of(new AliasMoveRecord(model, alias.alias(), ++sequence, alias.version(), null, now(),
                        reason)));
            }
            entries.add(Entry.tombstone(RegistryKey.spec(model)));
            return new Change<>(entries, spec);
        });
    }

    /** The version's artifact, checked against its SHA-256; a corrupt one is counted and refused. */
    public byte[] artifact(VersionRecord version) {
        try {
            return store.get(version.sha256());
        } catch (dev.samuel.registry.store.CorruptArtifactException e) {
            events.corruptArtifact(version.model());
            throw new RegistryException(RegistryException.Kind.CORRUPT, "the artifact of " + version.model()
                    + " version " + version.version() + " is not served: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the artifact " + version.sha256(), e);
        }
    }

    private String store(byte[] onnx) {
        try {
            return store.put(onnx);
        } catch (IOException e) {
            // Nothing was registered: the version is written to the log only after its artifact is stored.
            throw new RegistryException(RegistryException.Kind.STORAGE, "the artifact store cannot keep the upload ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); nothing was registered", e);
        }
    }

    private ChangeWriter writer() {
        return writer.orElseThrow(() -> RegistryException.unavailable(
                "this instance is a read-only replica (samuel.registry.writer.enabled=false); send writes to the writer"));
    }

    private Instant now() {
        return clock.instant();
    }
}
