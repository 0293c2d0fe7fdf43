package dev.samuel.contracts.spec;

/** {@code {"global_avg_pool": true}}: the mean of each channel's map, so maps [C, H, W] become [C, 1, 1]. */
public record GlobalAvgPoolLayer() implements Layer {

    public static final String KIND = "global_avg_pool";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(LayerCheck check) {
        if (check.readsMaps(KIND)) {
            check.poolToOnePixel();
        }
    }
}
