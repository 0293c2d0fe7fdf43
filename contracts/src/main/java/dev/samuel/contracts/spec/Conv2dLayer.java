package dev.samuel.contracts.spec;

/**
 * {@code {"conv2d": filters, "kernel": 3, "stride": 1, "padding": 0, "dilation": 1, "groups": 1, "activation": ...}}:
 * a 2-D convolution with a square kernel and the same padding on all four sides. The optional settings stay null when
 * the spec leaves them out, so the spec is written back as it was given; {@code kernel} is required, and null until
 * the validator says so.
 */
public record Conv2dLayer(int filters, Integer kernel, Integer stride, Integer padding, Integer dilation, Integer groups,
                          String activation) implements Layer {

    public static final String KIND = "conv2d";

    @Override
    public String kind() {
        return KIND;
    }

    public String activationOrLinear() {
        return activation == null ? "linear" : activation;
    }

    public int strideOrOne() {
        return stride == null ? 1 : stride;
    }

    public int paddingOrZero() {
        return padding == null ? 0 : padding;
    }

    public int dilationOrOne() {
        return dilation == null ? 1 : dilation;
    }

    public int groupsOrOne() {
        return groups == null ? 1 : groups;
    }

    @Override
    public void validate(LayerCheck check) {
        check.activation(activation);
        if (!check.readsMaps(KIND)) {
            return;
        }
        check.require(filters > 0, ".conv2d (filters) must be > 0");
        check.require(kernel != null && kernel > 0, ".kernel must be > 0");
        check.require(strideOrOne() > 0, ".stride must be > 0");
        check.require(paddingOrZero() >= 0, ".padding must be >= 0");
        check.require(dilationOrOne() > 0, ".dilation must be > 0");
        int channels = check.channels();
        int g = groupsOrOne();
        check.require(g > 0 && channels % g == 0 && filters % g == 0, ".groups must be > 0 and divide the input channels ("
                + channels + ") and conv2d (" + filters + "), got " + g);
        if (check.failed()) {
            check.loseTheMaps();
            return;
        }
        int span = (kernel - 1) * dilationOrOne() + 1;
        check.slide(filters, span, strideOrOne(), paddingOrZero(), "kernel " + kernel);
    }
}
