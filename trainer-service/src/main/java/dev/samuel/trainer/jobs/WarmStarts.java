package dev.samuel.trainer.jobs;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.registry.RegistryState;
import dev.samuel.contracts.registry.VersionRecord;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.plumbing.registry.RegistryClient;
import dev.samuel.programs.Program;
import dev.samuel.programs.ProgramReader;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a spec's {@code init.from} into the {@link WarmStart} a job trains from: the named version's program, and by
 * its signature's origin whether the spec's network is rebuilt around its parameters or its own network is tuned.
 */
final class WarmStarts {

    /** The lineage key naming the version a job started from. */
    static final String LINEAGE_KEY = "init";

    private final RegistryState registry;
    private final RegistryClient client;

    WarmStarts(RegistryState registry, RegistryClient client) {
        this.registry = registry;
        this.client = client;
    }

    WarmStart resolve(ModelSpec spec, Map<String, String> lineage) {
        if (spec.init().from() == null) {
            return new WarmStart.None();
        }
        var reference = spec.init().from().split("@", 2);
        var version = find(reference[0], reference[1]).orElseThrow(() -> new WarmStartException(
                "init.from " + spec.init().from() + " names no registered version"));
        var source = version.model() + " v" + version.version();
        lineage.put(LINEAGE_KEY, source);
        byte[] program = client.artifact(version);
        var signature = signature(version, program);
        return signature.origin() == Origin.SPEC ? new WarmStart.SpecProgram(source, program)
                : new WarmStart.ForeignProgram(source, program, signature.kind());
    }

    Optional<VersionRecord> find(String model, String aliasOrVersion) {
        if (aliasOrVersion.chars().allMatch(Character::isDigit)) {
            return registry.version(model, Integer.parseInt(aliasOrVersion));
        }
        return registry.alias(model, aliasOrVersion).flatMap(alias -> registry.version(model, alias.version()));
    }

    /** As recorded at registration, or read from a version registered before signatures were recorded. */
    private ProgramSignature signature(VersionRecord version, byte[] program) {
        if (version.program() != null) {
            return version.program();
        }
        var spec = registry.spec(version.model()).orElseThrow(() -> new WarmStartException("init.from "
                + version.model() + " v" + version.version() + ": the model has no spec to read the program by"));
        try (var opened = Program.open(program, 1)) {
            return ProgramReader.read(opened, spec.spec(), Optional.empty()).program();
        }
    }
}
