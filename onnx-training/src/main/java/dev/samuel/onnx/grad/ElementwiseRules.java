package dev.samuel.onnx.grad;

import dev.samuel.onnx.graph.DType;
import dev.samuel.onnx.graph.GraphBuilder;
import dev.samuel.onnx.graph.Value;

/** Arithmetic with broadcasting, and the unary functions of one element. */
final class ElementwiseRules {
    private ElementwiseRules() {
    }

    // y = a + b: da = g, db = g (each reduced to its operand's shape)
    static Value[] add(GradContext c) {
        return c.grads(c.unbroadcast(c.g(), c.in(0)), c.unbroadcast(c.g(), c.in(1)));
    }

    // y = a - b: da = g, db = -g
    static Value[] sub(GradContext c) {
        Value db = c.needs(1) ? c.unbroadcast(c.b().neg(c.g()), c.in(1)) : null;
        return c.grads(c.unbroadcast(c.g(), c.in(0)), db);
    }

    // y = a * b: da = g b, db = g a
    static Value[] mul(GradContext c) {
        GraphBuilder b = c.b();
        Value da = c.needs(0) ? c.unbroadcast(b.mul(c.g(), c.in(1)), c.in(0)) : null;
        Value db = c.needs(1) ? c.unbroadcast(b.mul(c.g(), c.in(0)), c.in(1)) : null;
        return c.grads(da, db);
    }

    // y = a / b: da = g / b, db = -g y / b
    static Value[] div(GradContext c) {
        GraphBuilder b = c.b();
        Value da = c.needs(0) ? c.unbroadcast(b.div(c.g(), c.in(1)), c.in(0)) : null;
        Value db = c.needs(1) ? c.unbroadcast(b.neg(b.div(b.mul(c.g(), c.out(0)), c.in(1))), c.in(1)) : null;
        return c.grads(da, db);
    }

    // y = a ^ b: da = g b a^(b-1), db = g y ln a
    static Value[] pow(GradContext c) {
        GraphBuilder b = c.b();
        Value a = c.in(0);
        Value e = c.in(1);
        Value da = null;
        Value db = null;
        if (c.needs(0)) {
            Value eMinus1 = b.sub(e, b.scalarLike(1, e));
            da = c.unbroadcast(b.mul(b.mul(c.g(), e), b.pow(a, eMinus1)), a);
        }
        if (c.needs(1)) {
            db = c.unbroadcast(b.mul(b.mul(c.g(), c.out(0)), b.log(a)), e);
        }
        return c.grads(da, db);
    }

    // y = x1 + ... + xn: dxi = g
    static Value[] sum(GradContext c) {
        Value[] out = new Value[c.inputCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.needs(i) ? c.unbroadcast(c.g(), c.in(i)) : null;
        }
        return out;
    }

    // y = -x: dx = -g
    static Value[] neg(GradContext c) {
        return c.grads(c.b().neg(c.g()));
    }

    // y = |x|: dx = g sign(x), with sign(0) = 0
    static Value[] abs(GradContext c) {
        GraphBuilder b = c.b();
        Value x = c.in(0);
        Value zero = b.scalarLike(0, x);
        Value sign = b.sub(b.cast(b.greater(x, zero), x.type()), b.cast(b.greater(zero, x), x.type()));
        return c.grads(b.mul(c.g(), sign));
    }

    // y = 1 / x: dx = -g y^2
    static Value[] reciprocal(GradContext c) {
        GraphBuilder b = c.b();
        Value y = c.out(0);
        return c.grads(b.neg(b.mul(c.g(), b.mul(y, y))));
    }

    // y = e^x: dx = g y
    static Value[] exp(GradContext c) {
        return c.grads(c.b().mul(c.g(), c.out(0)));
    }

    // y = ln x: dx = g / x
    static Value[] log(GradContext c) {
        return c.grads(c.b().div(c.g(), c.in(0)));
    }

    // y = sqrt x: dx = g / (2 y)
    static Value[] sqrt(GradContext c) {
        GraphBuilder b = c.b();
        return c.grads(b.div(b.mul(c.g(), b.scalarLike(0.5, c.g())), c.out(0)));
    }

    // y = where(cond, a, b): da = g where cond, db = g elsewhere; cond has none
    static Value[] where(GradContext c) {
        GraphBuilder b = c.b();
        Value zero = b.scalarLike(0, c.g());
        Value da = c.needs(1) ? c.unbroadcast(b.where(c.in(0), c.g(), zero), c.in(1)) : null;
        Value db = c.needs(2) ? c.unbroadcast(b.where(c.in(0), zero, c.g()), c.in(2)) : null;
        return c.grads(null, da, db);
    }

    // y = x: dx = g
    static Value[] identity(GradContext c) {
        return c.grads(c.g());
    }

    // y = cast(x): dx = cast(g) back to x's type; casts to or from integers carry no gradient
    static Value[] cast(GradContext c) {
        DType from = c.in(0).type();
        if (!from.isFloating() || !c.g().type().isFloating()) {
            return c.grads((Value) null);
        }
        return c.grads(c.b().cast(c.g(), from));
    }
}
