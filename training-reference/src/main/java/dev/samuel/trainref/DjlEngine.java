package dev.samuel.trainref;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/** PyTorch through DJL as the benchmarks load it: from the jars on the class path, never from the network. */
final class DjlEngine {
    private DjlEngine() {
    }

    /**
     * Loads PyTorch on {@code threads} intra-op threads (0: PyTorch's default) and says which, where from, on how many
     * threads. Must run before anything else touches DJL: both properties are read when the engine loads.
     */
    static Engine load(int threads) {
        // pytorch-native-cpu and pytorch-jni on the class path are unpacked to DJL's cache (~/.djl.ai, or DJL_CACHE_DIR);
        // offline mode turns any download DJL might still try (a library missing from them, EC2 telemetry) into an error.
        System.setProperty("ai.djl.offline", "true");
        // DJL looks for CUDA first and warns, misleadingly, that the driver is too old when a machine has no GPU.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        Engine engine = Engine.getEngine("PyTorch");
        int running = JniUtils.getNumThreads();
        System.out.printf("djl %s, PyTorch %s from %s: %d intra-op threads, %d inter-op%n", Engine.getDjlVersion(),
                engine.getVersion(), LibUtils.getLibtorchPath(), running, JniUtils.getNumInteropThreads());
        if (threads > 0 && running != threads) {
            throw new IllegalStateException("PyTorch runs " + running + " intra-op threads, not the " + threads + " asked for");
        }
        return engine;
    }
}
