package dev.samuel.contracts.spec;

/**
 * {@code {"max_pool2d": window, "stride": ...}} or {@code {"avg_pool2d": window, "stride": ...}}: the maximum or the
 * mean over square windows. The stride stays null when the spec leaves it out (it is then the window).
 */
public record Pool2dLayer(Pooling pooling, int window, Integer stride) implements Layer {

    public static final String MAX_KIND = "max_pool2d";
    public static final String AVERAGE_KIND = "avg_pool2d";

    /** The two kinds this type holds, by their JSON names. */
    public enum Pooling {
        MAX(MAX_KIND), AVERAGE(AVERAGE_KIND);

        private final String kind;

        Pooling(String kind) {
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }

    @Override
    public String kind() {
        return pooling.kind();
    }

    public int strideOrWindow() {
        return stride == null ? window : stride;
    }

    @Override
    public void validate(LayerCheck check) {
        if (!check.readsMaps(kind())) {
            return;
        }
        check.require(window > 0, "." + kind() + " (window) must be > 0");
        check.require(strideOrWindow() > 0, ".stride must be > 0");
        if (check.failed()) {
            check.loseTheMaps();
            return;
        }
        check.slide(check.channels(), window, strideOrWindow(), 0, "window " + window);
    }
}
