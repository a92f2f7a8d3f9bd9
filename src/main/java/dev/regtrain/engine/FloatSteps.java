package dev.regtrain.engine;

import dev.regtrain.engine.kernel.ElementLoops;

/**
 * The optimizer's rules, the penalty gradient, clipping and the constraints in single precision, the twins of {@link
 * DoubleSteps}: the parameters, gradients and slots are floats and so is every step of the arithmetic; only
 * the norms that feed the metrics rows and the clipping decision are summed in double.
 */
final class FloatSteps {

    private FloatSteps() {
    }

    /** {zeros, values with |v| below the threshold}. */
    static long[] zeroCounts(float[] values, double nearZero) {
        long zeros = 0;
        long nearZeros = 0;
        for (float v : values) {
            zeros += v == 0.0f ? 1 : 0;
            nearZeros += Math.abs(v) < nearZero ? 1 : 0;
        }
        return new long[] {zeros, nearZeros};
    }

    static void addPenaltyGradient(float[] gradient, float[] w, double c2, double c1, int from, int to) {
        float l2 = (float) c2;
        if (c1 == 0) {
            for (int i = from; i < to; i++) {
                gradient[i] += l2 * w[i];
            }
        } else {
            float l1 = (float) c1;
            for (int i = from; i < to; i++) {
                gradient[i] += l2 * w[i] + l1 * Math.signum(w[i]);
            }
        }
    }

    static void clamp(float[] values, double bound, int from, int to) {
        float b = (float) bound;
        for (int k = from; k < to; k++) {
            values[k] = Math.min(Math.max(values[k], -b), b);
        }
    }

    static void scale(float[] values, double factor, int from, int to) {
        float f = (float) factor;
        for (int i = from; i < to; i++) {
            values[i] *= f;
        }
    }

    static void capColumnNorms(float[] w, int rows, double cap, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int from = j * rows;
            double norm = Math.sqrt(ElementLoops.squaredL2(w, from, from + rows));
            if (norm > cap) {
                float scale = (float) (cap / norm);
                for (int i = from; i < from + rows; i++) {
                    w[i] *= scale;
                }
            }
        }
    }

    static void sgd(float[] w, float[] g, double alpha, double tau, int from, int to) {
        float a = (float) alpha;
        float t = (float) tau;
        for (int i = from; i < to; i++) {
            float next = w[i] - a * g[i];
            w[i] = t > 0 ? softThreshold(next, t) : next;
        }
    }

    static void momentum(float[] w, float[] g, float[] v, double alpha, double mu, double tau, boolean nesterov,
                         int from, int to) {
        float a = (float) alpha;
        float m = (float) mu;
        float t = (float) tau;
        for (int i = from; i < to; i++) {
            v[i] = m * v[i] + g[i];
            float next = w[i] - a * (nesterov ? g[i] + m * v[i] : v[i]);
            w[i] = t > 0 ? softThreshold(next, t) : next;
        }
    }

    static void adam(float[] w, float[] g, float[] m, float[] v, double alpha, double beta1, double beta2,
                     double epsilon, double firstCorrection, double secondCorrection, double threshold, int from,
                     int to) {
        float a = (float) alpha;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float rest1 = (float) (1.0 - beta1);
        float rest2 = (float) (1.0 - beta2);
        float eps = (float) epsilon;
        float c1 = (float) firstCorrection;
        float c2 = (float) secondCorrection;
        float tau = (float) threshold;
        for (int i = from; i < to; i++) {
            m[i] = b1 * m[i] + rest1 * g[i];
            v[i] = b2 * v[i] + rest2 * g[i] * g[i];
            float eta = a / ((float) Math.sqrt(v[i] / c2) + eps);
            float next = w[i] - eta * (m[i] / c1);
            w[i] = tau > 0 ? softThreshold(next, eta * tau) : next;
        }
    }

    /** sign(w)·max(|w| − τ, 0). */
    static float softThreshold(float w, float tau) {
        if (w > tau) {
            return w - tau;
        }
        return w < -tau ? w + tau : 0.0f;
    }
}
