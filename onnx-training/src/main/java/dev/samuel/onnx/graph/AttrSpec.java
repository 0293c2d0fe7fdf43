package dev.samuel.onnx.graph;

/** One attribute an op accepts. */
public record AttrSpec(String name, AttrType type, boolean required) {

    static AttrSpec opt(String name, AttrType type) {
        return new AttrSpec(name, type, false);
    }

    static AttrSpec req(String name, AttrType type) {
        return new AttrSpec(name, type, true);
    }
}
