package dev.samuel.trainref;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import dev.samuel.contracts.spec.Conv2dLayer;
import dev.samuel.contracts.spec.DenseLayer;
import dev.samuel.contracts.spec.Layer;
import dev.samuel.contracts.spec.ModelSpec;
import dev.samuel.contracts.spec.Pool2dLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A bench spec's network as DJL blocks, layer for layer as onnx-training's SpecGraphs builds it (dense, conv2d,
 * max_pool2d; ReLU or no activation), with the names SpecGraphs gives each parameter, in DJL's parameter order
 * (weight, then bias, layer by layer), so that Samuel's initial values can be copied in. The block ends with the
 * logits: the softmax is in the loss on both sides.
 */
record SpecBlocks(SequentialBlock block, List<String> parameterNames) {

    static SpecBlocks of(ModelSpec spec) {
        SequentialBlock block = new SequentialBlock();
        List<String> names = new ArrayList<>();
        boolean maps = spec.input().shape() != null;
        int dense = 0;
        int conv = 0;
        for (Layer layer : spec.layers()) {
            if (layer instanceof DenseLayer d) {
                if (maps) {
                    block.add(Blocks.batchFlattenBlock()); // [N, C, H, W] to [N, C*H*W], as ONNX Flatten(axis 1)
                    maps = false;
                }
                block.add(Linear.builder().setUnits(d.units()).build());
                activation(block, d.activationOrLinear());
                addNames(names, "dense" + ++dense);
            } else if (layer instanceof Conv2dLayer c) {
                block.add(conv(c));
                activation(block, c.activationOrLinear());
                addNames(names, "conv" + ++conv);
            } else if (layer instanceof Pool2dLayer p && p.pooling() == Pool2dLayer.Pooling.MAX) {
                block.add(Pool.maxPool2dBlock(square(p.window()), square(p.strideOrWindow())));
            } else {
                throw new IllegalArgumentException("training-reference builds dense, conv2d and max_pool2d layers, not " + layer.kind());
            }
        }
        return new SpecBlocks(block, List.copyOf(names));
    }

    private static Conv2d conv(Conv2dLayer c) {
        return Conv2d.builder().setFilters(c.filters()).setKernelShape(square(c.kernel())).optStride(square(c.strideOrOne()))
                .optPadding(square(c.paddingOrZero())).optDilation(square(c.dilationOrOne())).optGroups(c.groupsOrOne()).build();
    }

    private static void activation(SequentialBlock block, String name) {
        switch (name) {
            case "relu" -> block.add(Activation::relu);
            case "linear" -> {
            }
            default -> throw new IllegalArgumentException("training-reference builds ReLU or no activation, not " + name);
        }
    }

    private static void addNames(List<String> names, String layer) {
        names.add(layer + ".weight");
        names.add(layer + ".bias");
    }

    private static Shape square(long side) {
        return new Shape(side, side);
    }
}
