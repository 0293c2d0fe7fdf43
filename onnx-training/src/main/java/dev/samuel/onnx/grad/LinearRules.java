package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.Attrs;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Op;
import dev.samuel.onnx.graph.Value;

/** Gemm and MatMul. */
final class LinearRules {
    private LinearRules() {
    }

    // Y = alpha * A' B' + beta * C, A' = transA ? A^T : A, B' = transB ? B^T : B
    // dA' = alpha g B'^T, dB' = alpha A'^T g, dC = beta * sum of g over C's broadcast axes
    static Value[] gemm(GradContext c) {
        GraphBuilder b = c.b();
        boolean ta = c.attrs().getInt("transA", 0) == 1;
        boolean tb = c.attrs().getInt("transB", 0) == 1;
        double alpha = c.attrs().getFloat("alpha", 1.0);
        double beta = c.attrs().getFloat("beta", 1.0);
        Value g = c.g();
        Value a = c.in(0);
        Value bb = c.in(1);
        Value da = null;
        Value db = null;
        Value dc = null;
        if (c.needs(0)) {
            da = ta ? gemm(b, bb, g, alpha, tb, true) : gemm(b, g, bb, alpha, false, !tb);
        }
        if (c.needs(1)) {
            db = tb ? gemm(b, g, a, alpha, true, ta) : gemm(b, a, g, alpha, !ta, false);
        }
        if (c.inputCount() > 2 && c.needs(2)) {
            Value sum = c.unbroadcast(g, c.in(2));
            dc = beta == 1.0 ? sum : b.mul(sum, b.scalarLike(beta, g));
        }
        return c.grads(da, db, dc);
    }

    private static Value gemm(GraphBuilder b, Value x, Value y, double alpha, boolean tx, boolean ty) {
        Attrs attrs = Attrs.of("transA", tx ? 1 : 0, "transB", ty ? 1 : 0);
        return b.apply(Op.GEMM, alpha == 1.0 ? attrs : attrs.with("alpha", alpha), x, y);
    }

    // Y = A B (numpy matmul). 1-D operands are promoted to matrices: A to [1, K], B to [K, 1].
    // dA = g B^T, dB = A^T g, each summed over the batch axes its operand was broadcast along.
    static Value[] matmul(GradContext c) {
        GraphBuilder b = c.b();
        Value a = c.in(0);
        Value bb = c.in(1);
        boolean aVector = a.rank() == 1;
        boolean bVector = bb.rank() == 1;
        Value g = c.g();
        if (aVector) {
            g = b.unsqueeze(g, g.rank() - (bVector ? 0 : 1));
        }
        if (bVector) {
            g = b.unsqueeze(g, g.rank());
        }
        Value a2 = aVector ? b.unsqueeze(a, 0) : a;
        Value b2 = bVector ? b.unsqueeze(bb, 1) : bb;
        Value da = null;
        Value db = null;
        if (c.needs(0)) {
            da = c.reshapeLike(c.unbroadcast(b.matmul(g, b.transposeLast2(b2)), a2), a);
        }
        if (c.needs(1)) {
            db = c.reshapeLike(c.unbroadcast(b.matmul(b.transposeLast2(a2), g), b2), bb);
        }
        return c.grads(da, db);
    }
}
