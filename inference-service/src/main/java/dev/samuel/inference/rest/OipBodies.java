package dev.samuel.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the Open Inference Protocol V2 (REST), as far as this service serves it. */
public final class OipBodies {

    private OipBodies() {
    }

    public record ServerMetadata(String name, String version, List<String> extensions) {
    }

    public record TensorMetadata(String name, String datatype, List<Long> shape) {
    }

    public record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
                                List<TensorMetadata> outputs, Map<String, Object> parameters) {
    }

    /** {@code data} is kept as a tree: OIP allows it flat or nested, row-major. */
    public record RequestInput(String name, List<Long> shape, String datatype, JsonNode data) {
    }

    public record InferRequest(String id, List<RequestInput> inputs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResponseOutput(String name, List<Long> shape, String datatype, Object data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InferResponse(@JsonProperty("model_name") String modelName,
                                @JsonProperty("model_version") String modelVersion, String id,
                                List<ResponseOutput> outputs) {
    }

    public record Error(String error) {
    }
}
