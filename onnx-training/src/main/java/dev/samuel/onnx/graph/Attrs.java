package dev.samuel.onnx.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Attribute values for one node; Java ints and floats are widened to the types {@link AttrType} holds. */
public final class Attrs {
    public static final Attrs NONE = new Attrs(Map.of());

    private final Map<String, Object> values;

    private Attrs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Attrs of(String name, Object value) {
        return NONE.with(name, value);
    }

    public static Attrs of(String n1, Object v1, String n2, Object v2) {
        return of(n1, v1).with(n2, v2);
    }

    public Attrs with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, widen(value));
        return new Attrs(copy);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public long getInt(String name, long fallback) {
        Object v = values.get(name);
        return v == null ? fallback : (Long) v;
    }

    public double getFloat(String name, double fallback) {
        Object v = values.get(name);
        return v == null ? fallback : (Double) v;
    }

    public long[] getInts(String name) {
        Object v = values.get(name);
        return v == null ? null : ((long[]) v).clone();
    }

    public Object get(String name) {
        return values.get(name);
    }

    private static Object widen(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof int[] ints) {
            long[] longs = new long[ints.length];
            for (int i = 0; i < ints.length; i++) {
                longs[i] = ints[i];
            }
            return longs;
        }
        return value;
    }
}
