package dev.samuel.inference.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samuel.programs.RowBatch;
import java.util.List;
import java.util.Set;

/**
 * Checks an OIP input tensor against the served model and writes its rows into a batch: shape {@code [n, f]}
 * (or {@code [f]} for one row), a numeric datatype, {@code n * f} finite numbers, flat or nested.
 */
final class InputTensor {

    static final int MAX_ROWS = 10_000;
    private static final Set<String> NUMERIC = Set.of("FP32", "FP64", "FP16", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");

    private InputTensor() {
    }

    /** Returns the number of rows written. */
    static int fill(OipBodies.InferRequest request, int features, RowBatch batch) {
        if (request == null || request.inputs() == null || request.inputs().size() != 1) {
            throw new BadInferRequest("the model takes exactly one input tensor; send \"inputs\": [{\"name\", "
                    + "\"shape\": [n, " + features + "], \"datatype\": \"FP32\", \"data\": [...]}]");
        }
        var input = request.inputs().get(0);
        if (input == null) {
            throw new BadInferRequest("the input tensor is null; send {\"name\", \"shape\": [n, " + features
                    + "], \"datatype\": \"FP32\", \"data\": [...]}");
        }
        if (input.datatype() == null || !NUMERIC.contains(input.datatype())) {
            throw new BadInferRequest("datatype must be numeric (FP32 preferred), got " + input.datatype());
        }
        int rows = rows(input.shape(), features);
        var values = new float[rows * features];
        int count = flatten(input.data(), values, 0);
        if (count != values.length) {
            throw new BadInferRequest("shape " + input.shape() + " needs " + values.length + " values, data has " + count);
        }
        batch.reset(features);
        for (int row = 0; row < rows; row++) {
            batch.add(java.util.Arrays.copyOfRange(values, row * features, (row + 1) * features));
        }
        return rows;
    }

    private static int rows(List<Long> shape, int features) {
        // A null dimension ([null, 3]) failed unboxing below: a 500.
        if (shape == null || shape.isEmpty() || shape.size() > 2 || shape.contains(null)) {
            throw new BadInferRequest("shape must be [n, " + features + "] or [" + features + "], got " + shape);
        }
        long width = shape.get(shape.size() - 1);
        long rows = shape.size() == 2 ? shape.get(0) : 1;
        if (width != features) {
            throw new BadInferRequest("the model takes " + features + " features per row, the shape says " + width);
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw new BadInferRequest("between 1 and " + MAX_ROWS + " rows per request, the shape says " + rows);
        }
        return (int) rows;
    }

    private static int flatten(JsonNode node, float[] into, int at) {
        if (node == null || node.isNull()) {
            throw new BadInferRequest("the input has no data");
        }
        if (node.isArray()) {
            int next = at;
            for (var element : node) {
                next = flatten(element, into, next);
            }
            return next;
        }
        if (!node.isNumber()) {
            throw new BadInferRequest("data must hold numbers only, found " + node);
        }
        float value = node.floatValue();
        if (!Float.isFinite(value)) {
            throw new BadInferRequest("data value " + at + " is " + node + ", not a finite float32");
        }
        if (at < into.length) {
            into[at] = value;
        }
        return at + 1;
    }
}
