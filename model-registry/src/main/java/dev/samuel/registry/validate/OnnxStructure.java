package dev.samuel.registry.validate;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Optional;

/**
 * Checks on the ONNX protobuf itself, before ONNX Runtime sees it. External data is refused because a
 * registered artifact must be the whole model: the weights file it points at would not travel with it.
 */
final class OnnxStructure {

    private OnnxStructure() {
    }

    static ModelProto parse(byte[] bytes) {
        try {
            var model = ModelProto.parseFrom(bytes);
            if (!model.hasGraph() || model.getIrVersion() <= 0) {
                throw notOnnx("it has no graph or no IR version");
            }
            return model;
        } catch (InvalidProtocolBufferException e) {
            throw notOnnx(e.getMessage());
        }
    }

    static void requireSelfContained(ModelProto model) {
        externalTensor(model.getGraph()).ifPresent(name -> {
            throw new InvalidModelException(InvalidModelException.EXTERNAL_DATA, "initializer '" + name
                    + "' keeps its data in an external file; register a self-contained model"
                    + " (onnx.save_model(model, path, save_as_external_data=False))");
        });
    }

    /** The first tensor of the graph, or of a subgraph of one of its nodes, whose data lives outside the model. */
    private static Optional<String> externalTensor(GraphProto graph) {
        for (var tensor : graph.getInitializerList()) {
            if (isExternal(tensor)) {
                return Optional.of(tensor.getName());
            }
        }
        for (var sparse : graph.getSparseInitializerList()) {
            if (isExternal(sparse.getValues()) || isExternal(sparse.getIndices())) {
                return Optional.of(sparse.getValues().getName());
            }
        }
        for (var node : graph.getNodeList()) {
            for (var attribute : node.getAttributeList()) {
                var found = externalTensor(attribute);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> externalTensor(AttributeProto attribute) {
        if (attribute.hasT() && isExternal(attribute.getT())) {
            return Optional.of(attribute.getT().getName());
        }
        for (var subgraph : attribute.hasG() ? java.util.List.of(attribute.getG()) : attribute.getGraphsList()) {
            var found = externalTensor(subgraph);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean isExternal(TensorProto tensor) {
        return tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL || tensor.getExternalDataCount() > 0;
    }

    private static InvalidModelException notOnnx(String detail) {
        return new InvalidModelException(InvalidModelException.NOT_ONNX, "the upload is not an ONNX model: " + detail);
    }
}
