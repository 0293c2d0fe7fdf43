package dev.samuel.trainer.engine;

import dev.samuel.contracts.model.Origin;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.registry.Sha256;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.ModelSpecs;
import dev.samuel.onnx.graph.GraphException;
import dev.samuel.onnx.graph.Tensor;
import dev.samuel.onnx.imports.OnnxImporter;
import dev.samuel.onnx.spec.SpecGraphs;
import dev.samuel.onnx.train.Dataset;
import dev.samuel.onnx.train.ForwardModel;
import dev.samuel.onnx.train.FreezeMetadata;
import dev.samuel.onnx.train.InitialParameters;
import dev.samuel.onnx.train.InputPreparation;
import dev.samuel.onnx.train.Vocabularies;
import dev.samuel.trainer.jobs.WarmStart;
import dev.samuel.trainer.jobs.WarmStartException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network a job trains and where its parameters start, decided once from the spec and its {@link WarmStart}:
 * the spec's graph (with this job's standardisation) from random or from a spec-built version's parameters taken
 * by name, or a foreign program's own graph and parameters, never standardised by the platform. Anything that does
 * not fit fails with a {@link WarmStartException} naming it.
 */
record StartingNetwork(ForwardModel model, InitialParameters init, FreezeMetadata metadata) {

    static StartingNetwork of(ModelSpec spec, WarmStart start, Iterable<Dataset> data, long seed) {
        var hash = Sha256.hex(ModelSpecs.toJson(spec).getBytes(StandardCharsets.UTF_8));
        if (start instanceof WarmStart.ForeignProgram program) {
            return new StartingNetwork(foreign(program), InitialParameters.fromModel(),
                    new FreezeMetadata(spec.name(), hash, program.kind(), Origin.FOREIGN, Map.of(), Map.of()))
                    .frozen(spec);
        }
        // The spec's graph with what this job learned from its data about the inputs (fills, vocabularies, scales).
        var prepared = InputPreparation.fit(spec.input(), data);
        var model = SpecGraphs.forward(spec, prepared, seed);
        var init = start instanceof WarmStart.SpecProgram version
                ? InitialParameters.given(trained(spec, version, model, prepared.vocabularies()))
                : InitialParameters.random(seed);
        var metadata = FreezeMetadata.ofSpec(spec.name(), hash, SpecGraphs.outputKind(spec));
        return new StartingNetwork(model, init, spec.input().categorical().isEmpty() ? metadata
                : metadata.with(ProgramMetadata.VOCABULARIES, prepared.vocabularies().toJson(spec.input())))
                .frozen(spec);
    }

    /**
     * The spec network's parameters as a spec-built version trained them, every one present with its shape; the
     * rows of categories are carried over to this job's vocabularies ({@link CategoryCarryOver}).
     */
    private static Map<String, Tensor> trained(ModelSpec spec, WarmStart.SpecProgram version, ForwardModel model,
                                               Vocabularies vocabularies) {
        var stored = OnnxImporter.initializers(version.program());
        var found = Optional.ofNullable(OnnxImporter.metadata(version.program()).get(ProgramMetadata.VOCABULARIES))
                .flatMap(json -> Vocabularies.fromJson(json, spec.input()))
                .map(previous -> CategoryCarryOver.carried(spec, previous, vocabularies, stored, model.initialValues()))
                .orElse(stored);
        var values = new LinkedHashMap<String, Tensor>();
        var missing = new ArrayList<String>();
        var differ = new ArrayList<String>();
        model.initialValues().forEach((name, initial) -> {
            var value = found.get(name);
            if (value == null) {
                missing.add(name);
            } else if (!value.shape().equals(initial.shape())) {
                differ.add(name + " is " + initial.shape() + " in the spec's network, " + value.shape() + " in "
                        + version.source());
            } else {
                values.put(name, value);
            }
        });
        if (!missing.isEmpty() || !differ.isEmpty()) {
            throw new WarmStartException("init.from " + version.source() + " does not fit the spec's network"
                    + (missing.isEmpty() ? "" : "; it lacks the parameters " + missing)
                    + (differ.isEmpty() ? "" : "; shapes differ: " + String.join(", ", differ)));
        }
        return values;
    }

    private static ForwardModel foreign(WarmStart.ForeignProgram program) {
        try {
            return OnnxImporter.trainable(program.program(), program.kind());
        } catch (GraphException e) {
            throw new WarmStartException("init.from " + program.source() + " cannot be fine-tuned: " + e.getMessage(), e);
        }
    }

    /** The spec's {@code init.freeze}, every name a parameter of this network. */
    private StartingNetwork frozen(ModelSpec spec) {
        List<String> names = spec.init().freeze();
        var unknown = names.stream().filter(name -> !model.parameters().contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new WarmStartException("init.freeze names " + unknown + ", which are not parameters of the network"
                    + " being trained; its parameters are " + model.parameters());
        }
        return new StartingNetwork(model, init.withFrozen(new HashSet<>(names)), metadata);
    }
}
