package dev.samuel.contracts.spec;

import java.util.List;

/**
 * The validator's walk through the layers, first to last: where it is ({@code layers[i]}), the problems found, and
 * what the current layer reads. Each kind's {@link Layer#validate} names its own problems through it and says what
 * the next layer reads; only the validator creates one.
 */
public final class LayerCheck {

    /** Why a layer has no maps of a known size to read, when it has none. */
    private enum Reads { MAPS, UNSHAPED_INPUT, FLATTENED_MAPS, UNKNOWN_MAPS }

    private final List<String> problems;
    private Reads reads;
    // [channels, height, width] while reads is MAPS
    private int[] maps;
    private String at;
    private int problemsBefore;

    LayerCheck(Input input, List<String> problems) {
        this.problems = problems;
        var shape = input == null ? null : input.shape();
        boolean shaped = shape != null && shape.size() == 3 && shape.stream().allMatch(d -> d != null && d > 0);
        this.reads = shaped ? Reads.MAPS : Reads.UNSHAPED_INPUT;
        this.maps = shaped ? shape.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    void check(int index, Layer layer) {
        at = "layers[" + index + "]";
        problemsBefore = problems.size();
        layer.validate(this);
    }

    /** Adds {@code layers[i]} followed by {@code problem} (".dense must be > 0", ": ...") unless {@code ok}. */
    void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(at + problem);
        }
    }

    /** Whether the current layer has problems so far. */
    boolean failed() {
        return problems.size() > problemsBefore;
    }

    void activation(String activation) {
        require(Layer.ACTIVATIONS.contains(activation == null ? "linear" : activation),
                ".activation must be one of " + Layer.ACTIVATIONS + ", got '" + activation + "'");
    }

    /**
     * Whether the layer reads maps of a known size. When it does not, names the reason, except after an earlier
     * problem left their size unknown: that problem is reported already, and a guess would only add false ones.
     */
    boolean readsMaps(String kind) {
        switch (reads) {
            case UNSHAPED_INPUT -> problems.add(at + ": " + kind + " needs input.shape ([channels, height, width])");
            case FLATTENED_MAPS -> problems.add(at + ": " + kind
                    + " needs [channels, height, width] maps, but an earlier layer flattened them");
            default -> {
            }
        }
        return reads == Reads.MAPS;
    }

    /** The channels of the maps read; only when {@link #readsMaps} said there are maps. */
    int channels() {
        return maps[0];
    }

    /** The next layer reads flat values. */
    void flatten() {
        if (reads == Reads.MAPS) {
            reads = Reads.FLATTENED_MAPS;
            maps = null;
        }
    }

    void loseTheMaps() {
        reads = Reads.UNKNOWN_MAPS;
        maps = null;
    }

    void poolToOnePixel() {
        maps = new int[] {maps[0], 1, 1};
    }

    /**
     * A window of {@code span} pixels sliding by {@code stride} over the maps padded by {@code padding}: the next
     * layer reads {@code channels} maps of {@code (size + 2 padding - span) / stride + 1} pixels a side, rounded down.
     */
    void slide(int channels, int span, int stride, int padding, String what) {
        if (maps[1] + 2 * padding < span || maps[2] + 2 * padding < span) {
            problems.add(at + ": " + what + " does not fit its " + maps[1] + "x" + maps[2] + " input maps");
            loseTheMaps();
            return;
        }
        maps = new int[] {channels, (maps[1] + 2 * padding - span) / stride + 1, (maps[2] + 2 * padding - span) / stride + 1};
    }
}
