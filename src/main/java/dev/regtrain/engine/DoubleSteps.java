package dev.regtrain.engine;

/**
 * The loops of a parameter step in double precision (statistics of the weights, the penalty gradient, clipping, the
 * max-norm constraint and the optimizers' updates), the twins of {@link FloatSteps}.
 */
final class DoubleSteps {

    private DoubleSteps() {
    }

    static long[] zeroCounts(double[] values, double nearZero) {
        long zeros = 0;
        long nearZeros = 0;
        for (double v : values) {
            zeros += v == 0.0 ? 1 : 0;
            nearZeros += Math.abs(v) < nearZero ? 1 : 0;
        }
        return new long[] {zeros, nearZeros};
    }

    static void addPenaltyGradient(double[] gradient, double[] w, double c2, double c1, int from, int to) {
        if (c1 == 0) {
            for (int i = from; i < to; i++) {
                gradient[i] += c2 * w[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                gradient[i] += c2 * w[i] + c1 * Math.signum(w[i]);
            }
        }
    }

    static void clamp(double[] g, double bound, int from, int to) {
        for (int k = from; k < to; k++) {
            g[k] = Math.min(Math.max(g[k], -bound), bound);
        }
    }

    static void scale(double[] values, double factor, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] *= factor;
        }
    }

    static void capColumnNorms(double[] w, int rows, double cap, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int from = j * rows;
            double squared = 0;
            for (int i = from; i < from + rows; i++) {
                squared += w[i] * w[i];
            }
            double norm = Math.sqrt(squared);
            if (norm > cap) {
                double scale = cap / norm;
                for (int i = from; i < from + rows; i++) {
                    w[i] *= scale;
                }
            }
        }
    }

    static void sgd(double[] w, double[] g, double alpha, double tau, int from, int to) {
        for (int i = from; i < to; i++) {
            double next = w[i] - alpha * g[i];
            w[i] = tau > 0 ? Norms.softThreshold(next, tau) : next;
        }
    }

    static void momentum(double[] w, double[] g, double[] v, double alpha, double mu, double tau, boolean nesterov,
                  int from, int to) {
        for (int i = from; i < to; i++) {
            v[i] = mu * v[i] + g[i];
            double next = w[i] - alpha * (nesterov ? g[i] + mu * v[i] : v[i]);
            w[i] = tau > 0 ? Norms.softThreshold(next, tau) : next;
        }
    }

    static void adam(double[] w, double[] g, double[] m, double[] v, double alpha, double beta1, double beta2,
              double epsilon, double firstCorrection, double secondCorrection, double threshold, int from, int to) {
        for (int i = from; i < to; i++) {
            m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
            double eta = alpha / (Math.sqrt(v[i] / secondCorrection) + epsilon);
            double next = w[i] - eta * (m[i] / firstCorrection);
            w[i] = threshold > 0 ? Norms.softThreshold(next, eta * threshold) : next;
        }
    }
}
