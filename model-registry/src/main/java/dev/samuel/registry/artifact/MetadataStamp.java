package dev.samuel.registry.artifact;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what the registry knows of a version into its program's {@code metadata_props}, so the artifact describes
 * itself to any ONNX tool: the stamped keys replace any of the same name, every other key (and everything else in the
 * program, unknown fields included) is kept as uploaded.
 */
public final class MetadataStamp {

    private MetadataStamp() {
    }

    public static byte[] stamp(byte[] program, Map<String, String> properties) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(program);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("a validated program no longer parses: " + e.getMessage(), e);
        }
        var merged = new LinkedHashMap<String, String>();
        model.getMetadataPropsList().forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        merged.putAll(properties);
        var stamped = model.toBuilder().clearMetadataProps();
        merged.forEach((key, value) -> stamped.addMetadataProps(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return stamped.build().toByteArray();
    }

    /** The program's {@code metadata_props}, in order. */
    public static Map<String, String> read(byte[] program) {
        try {
            var properties = new LinkedHashMap<String, String>();
            ModelProto.parseFrom(program).getMetadataPropsList()
                    .forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
            return properties;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the artifact is not an ONNX program: " + e.getMessage(), e);
        }
    }
}
