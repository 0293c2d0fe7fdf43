package dev.samuel.cli.command;

import dev.samuel.cli.CliException;
import dev.samuel.contracts.model.OutputKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "import", description = {
        "Register an ONNX program made elsewhere (PyTorch, tf2onnx, skl2onnx, ...) as the next version of a model,",
        "after the registry checks it against the model's spec. A job with \"init\": {\"from\": \"M@V\"} fine-tunes",
        "its own network and parameters (the platform adds no standardisation to it)."})
public final class ImportCommand extends FileToModelCommand {

    @Parameters(paramLabel = "FILE.onnx")
    Path file;

    @Option(names = "--outputs", paramLabel = "KIND", converter = KindOf.class, description = {
            "what the program's output holds: probabilities, logits or values (needed when its metadata does not say",
            "and it cannot be told by running it: one column of a classifier)"})
    OutputKind outputs;

    @Option(names = "--promote", description = "make it the champion at once, without the gate (your decision)")
    boolean promote;

    /** Output kinds by the names the registry and the docs use. */
    static final class KindOf implements ITypeConverter<OutputKind> {
        @Override
        public OutputKind convert(String name) {
            try {
                return OutputKind.of(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        byte[] program;
        try {
            program = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException("no file " + file);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        var registry = endpoints.registry();
        var version = registry.importProgram(model, program, Map.of("imported", file.getFileName().toString()),
                outputs == null ? null : outputs.jsonName());
        int number = version.version();
        var signature = version.program();
        System.out.printf("%s is version %d of %s: input '%s' (%d features), output '%s' holding %s, a %s network.%n",
                file.getFileName(), number, model, signature.input(), signature.features(), signature.output(),
                signature.kind().jsonName(), signature.origin().jsonName());
        System.out.printf("Fine-tune it with \"init\": {\"from\": \"%s@%d\"} in the spec.%n", model, number);
        if (promote) {
            registry.setAlias(model, "champion", number, "imported " + file.getFileName()
                    + " and promoted by the user, without the gate");
            System.out.printf("%s@champion -> version %d: promoted by you; the gate did not judge it.%n", model, number);
        }
        return 0;
    }
}
