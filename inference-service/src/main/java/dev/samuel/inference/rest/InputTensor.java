package dev.samuel.inference.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.contracts.event.FeatureRow;
import dev.samuel.contracts.model.ProgramSignature;
import dev.samuel.contracts.spec.Input;
import dev.samuel.programs.RowBatch;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks an OIP request's input tensors against the served model and writes its rows into a batch: the numbers,
 * shape {@code [n, f]} (or {@code [f]} for one row), a numeric datatype, {@code n * f} numbers, flat or nested
 * ({@code null} where the spec lets a feature be missing); and, for a model with categorical features, their raw
 * values as a second tensor, datatype {@code BYTES}, shape {@code [n, c]}, strings ({@code null}: missing).
 */
final class InputTensor {

    static final int MAX_ROWS = 10_000;
    static final String BYTES = "BYTES";
    private static final Set<String> NUMERIC = Set.of("FP32", "FP64", "FP16", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");

    private InputTensor() {
    }

    /** Returns the number of rows written. */
    static int fill(OipBodies.InferRequest request, ProgramSignature program, Input input, RowBatch batch) {
        int features = program.features();
        int categories = program.categories();
        int expected = categories == 0 ? 1 : 2;
        if (request == null || request.inputs() == null || request.inputs().size() != expected
                || request.inputs().contains(null)) {
            throw new BadInferRequest("the model takes " + expected + " input tensor" + (expected == 1 ? "" : "s")
                    + "; send \"inputs\": [" + describe(program) + "]");
        }
        var numeric = request.inputs().stream().filter(t -> !BYTES.equals(t.datatype())).findFirst().orElseThrow(() ->
                new BadInferRequest("no numeric input tensor; send " + describe(program)));
        if (numeric.datatype() == null || !NUMERIC.contains(numeric.datatype())) {
            throw new BadInferRequest("datatype must be numeric (FP32 preferred), got " + numeric.datatype());
        }
        int rows = rows(numeric.shape(), features, "features");
        var values = new float[rows * features];
        int count = Values.numbers(numeric.data(), values, input);
        if (count != values.length) {
            throw new BadInferRequest("shape " + numeric.shape() + " needs " + values.length + " values, data has " + count);
        }
        var text = categories == 0 ? new String[0] : text(request, categories, rows);
        batch.reset(features, categories);
        for (int row = 0; row < rows; row++) {
            batch.add(new FeatureRow(Arrays.copyOfRange(values, row * features, (row + 1) * features),
                    Arrays.copyOfRange(text, row * categories, (row + 1) * categories)));
        }
        return rows;
    }

    private static String[] text(OipBodies.InferRequest request, int categories, int rows) {
        var tensor = request.inputs().stream().filter(t -> BYTES.equals(t.datatype())).findFirst().orElseThrow(() ->
                new BadInferRequest("the model reads " + categories + " categorical features: send them as a second"
                        + " tensor, {\"name\": \"" + ProgramSignature.CATEGORIES + "\", \"shape\": [n, " + categories
                        + "], \"datatype\": \"BYTES\", \"data\": [...]}"));
        int textRows = rows(tensor.shape(), categories, ProgramSignature.CATEGORIES);
        if (textRows != rows) {
            throw new BadInferRequest("the numbers have " + rows + " rows, the categories " + textRows);
        }
        var text = new String[rows * categories];
        int count = Values.strings(tensor.data(), text);
        if (count != text.length) {
            throw new BadInferRequest("shape " + tensor.shape() + " needs " + text.length + " values, data has " + count);
        }
        return text;
    }

    private static int rows(List<Long> shape, int width, String what) {
        // A null dimension ([null, 3]) failed unboxing below: a 500.
        if (shape == null || shape.isEmpty() || shape.size() > 2 || shape.contains(null)) {
            throw new BadInferRequest("shape of " + what + " must be [n, " + width + "] or [" + width + "], got " + shape);
        }
        long given = shape.get(shape.size() - 1);
        long rows = shape.size() == 2 ? shape.get(0) : 1;
        if (given != width) {
            throw new BadInferRequest("the model takes " + width + " " + what + " per row, the shape says " + given);
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw new BadInferRequest("between 1 and " + MAX_ROWS + " rows per request, the shape says " + rows);
        }
        return (int) rows;
    }

    private static String describe(ProgramSignature program) {
        var numbers = "{\"name\": \"" + program.input() + "\", \"shape\": [n, " + program.features()
                + "], \"datatype\": \"FP32\", \"data\": [...]}";
        return program.categories() == 0 ? numbers : numbers + ", {\"name\": \"" + ProgramSignature.CATEGORIES
                + "\", \"shape\": [n, " + program.categories() + "], \"datatype\": \"BYTES\", \"data\": [...]}";
    }

    /** Flat or nested JSON arrays read in row-major order. */
    private static final class Values {

        /** Numbers; a null only where the spec lets that feature be missing (NaN). Returns how many were read. */
        static int numbers(JsonNode node, float[] into, Input input) {
            if (node == null || node.isNull()) {
                throw new BadInferRequest("the input has no data");
            }
            return numbers(node, into, 0, input);
        }

        private static int numbers(JsonNode node, float[] into, int at, Input input) {
            if (node.isArray()) {
                int next = at;
                for (var element : node) {
                    next = numbers(element, into, next, input);
                }
                return next;
            }
            float value;
            if (node.isNull() && input.fillOf(at % input.featureCount()) != null) {
                value = Float.NaN;
            } else if (node.isNumber() && Float.isFinite(node.floatValue())) {
                value = node.floatValue();
            } else {
                throw new BadInferRequest(node.isNumber() ? "data value " + at + " is " + node + ", not a finite float32"
                        : "data value " + at + " is " + node + ": numbers only, null where the spec's input.missing"
                        + " lets a feature be missing");
            }
            if (at < into.length) {
                into[at] = value;
            }
            return at + 1;
        }

        /** Strings (a number is read as its code, as a record's would be); null is a missing category. */
        static int strings(JsonNode node, String[] into) {
            return strings(node, into, 0);
        }

        private static int strings(JsonNode node, String[] into, int at) {
            if (node != null && node.isArray()) {
                int next = at;
                for (var element : node) {
                    next = strings(element, into, next);
                }
                return next;
            }
            if (node == null || !(node.isNull() || node.isTextual())) {
                throw new BadInferRequest("categorical value " + at + " is " + node + "; strings only, null where missing");
            }
            if (at < into.length) {
                into[at] = node.isNull() ? FeatureRow.MISSING : node.asText();
            }
            return at + 1;
        }
    }
}
