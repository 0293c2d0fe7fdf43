package dev.samuel.programs;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import dev.samuel.contracts.model.ModelSignature;
import dev.samuel.contracts.model.OutputKind;
import dev.samuel.contracts.model.ProgramMetadata;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.model.SignatureMismatchException;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.programs.ProgramRefusedException.Reason;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a program takes and gives, and checks it against its model's spec: one float input
 * {@code [batch, features]} with a free batch size (and, for a spec with categorical features, their text as input
 * {@code categories}, strings [batch, n]); the first float output {@code [batch, width]} is the one the
 * platform reads. The probe rows are run through it, because a program can declare the right shapes and still fail,
 * or produce other ones, when run; and because they decide the output kind when nothing else does.
 *
 * <p>The output kind is, in order: what the program's metadata says ({@code samuel.output_kind}), what the importer
 * declared, and for a classifier with one column per class what the probe shows (every row non-negative and summing
 * to 1: probabilities, else logits). A classifier's single column is never guessed. A regression outputs values.
 */
public final class ProgramReader {

    private ProgramReader() {
    }

    /** The program's signature joined to the spec; any misfit is a {@link ProgramRefusedException} naming both. */
    public static ModelSignature read(Program program, ModelSpec spec, Optional<OutputKind> declared) {
        try {
            return ModelSignature.of(spec, signature(program, spec, declared));
        } catch (SignatureMismatchException e) {
            throw new ProgramRefusedException(e.part() == SignatureMismatchException.Part.INPUT
                    ? Reason.INPUT_MISMATCH : Reason.OUTPUT_MISMATCH, e.getMessage(), e);
        }
    }

    private static ProgramSignature signature(Program program, ModelSpec spec, Optional<OutputKind> declared) {
        try {
            var input = input(program);
            var output = output(program);
            int features = features(input, spec);
            int categories = categories(program);
            var probe = Probe.run(program, input.getName(), output.getName(), features, categories);
            var kind = kind(program.metadata(), declared, spec, probe);
            return new ProgramSignature(input.getName(), features, output.getName(), probe.width(), kind,
                    ProgramMetadata.origin(program.metadata()), categories);
        } catch (OrtException e) {
            throw new ProgramRefusedException(Reason.NOT_LOADABLE, "cannot read the program's inputs and outputs: "
                    + e.getMessage(), e);
        }
    }

    private static NodeInfo input(Program program) throws OrtException {
        Map<String, NodeInfo> inputs = new java.util.LinkedHashMap<>(program.session().getInputInfo());
        inputs.values().removeIf(ProgramReader::isCategories);
        if (inputs.size() != 1) {
            throw new ProgramRefusedException(Reason.INPUT_MISMATCH, "the program has " + inputs.size() + " inputs "
                    + inputs.keySet() + "; it must have exactly one, the feature batch [batch, features]");
        }
        var input = inputs.values().iterator().next();
        long[] shape = floatMatrix(input);
        if (shape == null) {
            throw new ProgramRefusedException(Reason.INPUT_MISMATCH, "input '" + input.getName() + "' is "
                    + input.getInfo() + "; it must be a float32 tensor [batch, features]");
        }
        if (shape[0] > 0) {
            throw new ProgramRefusedException(Reason.INPUT_MISMATCH, "input '" + input.getName() + "' has a fixed batch"
                    + " size of " + shape[0] + "; it must be dynamic (torch.onnx.export(..., dynamic_axes={'"
                    + input.getName() + "': {0: 'batch'}}))");
        }
        return input;
    }

    /** The categorical features a spec program reads as text (input {@code categories}, strings [batch, n]); else 0. */
    private static int categories(Program program) throws OrtException {
        var input = program.session().getInputInfo().values().stream().filter(ProgramReader::isCategories).findFirst();
        return input.map(i -> Math.toIntExact(((TensorInfo) i.getInfo()).getShape()[1])).orElse(0);
    }

    private static boolean isCategories(NodeInfo node) {
        return node.getName().equals(ProgramSignature.CATEGORIES) && node.getInfo() instanceof TensorInfo tensor
                && tensor.type == OnnxJavaType.STRING && tensor.getShape().length == 2 && tensor.getShape()[1] > 0;
    }

    /** The first float32 output [batch, n]: what a classifier's scores or a regression's values are read from. */
    private static NodeInfo output(Program program) throws OrtException {
        var outputs = program.session().getOutputInfo();
        return outputs.values().stream().filter(o -> floatMatrix(o) != null).findFirst().orElseThrow(() ->
                new ProgramRefusedException(Reason.OUTPUT_MISMATCH, "the program has no float32 output [batch, n]; "
                        + "its outputs: " + describe(outputs)));
    }

    private static int features(NodeInfo input, ModelSpec spec) {
        long declared = floatMatrix(input)[1];
        int features = spec.input().featureCount();
        if (declared >= 0 && declared != features) {
            throw new ProgramRefusedException(Reason.INPUT_MISMATCH, "input '" + input.getName() + "' takes "
                    + declared + " features per row; the spec of " + spec.name() + " has " + features
                    + " (input.features)");
        }
        return features;
    }

    private static OutputKind kind(Map<String, String> metadata, Optional<OutputKind> declared, ModelSpec spec,
                                   Probe.Outputs probe) {
        var written = ProgramMetadata.outputKind(metadata);
        if (written.isPresent() && declared.isPresent() && written.get() != declared.get()) {
            throw new ProgramRefusedException(Reason.OUTPUT_KIND, "the program's metadata says its output holds "
                    + written.get().jsonName() + ", but " + declared.get().jsonName() + " was declared");
        }
        var kind = declared.or(() -> written);
        if (!spec.task().isClassification()) {
            return kind.orElse(OutputKind.VALUES);
        }
        if (kind.isPresent()) {
            return kind.get();
        }
        if (probe.width() == 1) {
            throw new ProgramRefusedException(Reason.OUTPUT_KIND, "the program's output has one column, which may be"
                    + " a probability or a logit of the second class and is never guessed: declare it (bin/samuel import"
                    + " --outputs probabilities|logits)");
        }
        return probe.areProbabilities() ? OutputKind.PROBABILITIES : OutputKind.LOGITS;
    }

    static long[] floatMatrix(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT
                && tensor.getShape().length == 2 ? tensor.getShape() : null;
    }

    private static String describe(Map<String, NodeInfo> nodes) {
        var out = new StringBuilder();
        nodes.forEach((name, info) -> out.append(out.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(info.getInfo() instanceof TensorInfo t ? t.type + Arrays.toString(t.getShape()) : info.getInfo()));
        return out.isEmpty() ? "none" : out.toString();
    }
}
