package dev.regtrain.engine;

/**
 * Independent solvers for binary logistic regression with an unpenalised intercept, written from scratch on plain
 * arrays (no engine code): Newton's method for the L2 objective and FISTA with adaptive restart for the L1 objective.
 * Both minimise J(w, b) = (1/m)·Σᵢ[log(1 + e^zᵢ) − yᵢzᵢ] + (λ₂/(2m))·‖w‖² + (λ₁/m)·‖w‖₁, zᵢ = xᵢ·w + b.
 * Results are returned as {w₁..w_n, b}.
 */
public final class ConvexOracles {

    private ConvexOracles() {
    }

    public static double[] newtonL2(Examples data, double lambda2) {
        int n = data.inputs();
        int m = data.rows();
        double[] theta = new double[n + 1];
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[n + 1];
            double[][] hessian = new double[n + 1][n + 1];
            for (int i = 0; i < m; i++) {
                double[] x = augmented(data, i);
                double p = 1 / (1 + Math.exp(-dot(x, theta)));
                double r = p - data.targets()[i];
                for (int a = 0; a <= n; a++) {
                    gradient[a] += r * x[a] / m;
                    for (int b = 0; b <= n; b++) {
                        hessian[a][b] += p * (1 - p) * x[a] * x[b] / m;
                    }
                }
            }
            for (int a = 0; a < n; a++) {
                gradient[a] += lambda2 / m * theta[a];
                hessian[a][a] += lambda2 / m;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a <= n; a++) {
                theta[a] -= step[a];
                size = Math.max(size, Math.abs(step[a]));
            }
            if (size < 1e-15) {
                break;
            }
        }
        return theta;
    }

    static double[] fistaL1(Examples data, double lambda1) {
        int n = data.inputs();
        int m = data.rows();
        double lipschitz = 0.25 * largestEigenvalueOfGram(data) / m;
        double step = 1 / lipschitz;
        double tau = step * lambda1 / m;
        double[] theta = new double[n + 1];
        double[] previous = theta.clone();
        double[] y = theta.clone();
        double t = 1;
        for (int iteration = 0; iteration < 200_000; iteration++) {
            double[] gradient = smoothGradient(data, y);
            double[] next = new double[n + 1];
            for (int a = 0; a <= n; a++) {
                double v = y[a] - step * gradient[a];
                next[a] = a < n ? Math.signum(v) * Math.max(Math.abs(v) - tau, 0) : v;
            }
            double change = 0;
            double restart = 0;
            for (int a = 0; a <= n; a++) {
                change = Math.max(change, Math.abs(next[a] - theta[a]));
                restart += (y[a] - next[a]) * (next[a] - theta[a]);
            }
            double tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            if (restart > 0) {
                tNext = 1; // adaptive restart (O'Donoghue and Candès): momentum is pointing uphill
            }
            for (int a = 0; a <= n; a++) {
                y[a] = next[a] + (t - 1) / tNext * (next[a] - theta[a]);
            }
            previous = theta;
            theta = next;
            t = tNext;
            if (change < 1e-15 && iteration > 10) {
                break;
            }
        }
        return theta;
    }

    /** (1/m)·Σᵢ(σ(zᵢ) − yᵢ)·[xᵢ, 1], the gradient of the data term. */
    static double[] smoothGradient(Examples data, double[] theta) {
        int n = data.inputs();
        double[] gradient = new double[n + 1];
        for (int i = 0; i < data.rows(); i++) {
            double[] x = augmented(data, i);
            double r = 1 / (1 + Math.exp(-dot(x, theta))) - data.targets()[i];
            for (int a = 0; a <= n; a++) {
                gradient[a] += r * x[a] / data.rows();
            }
        }
        return gradient;
    }

    /** J at θ = {w, b}. */
    static double objective(Examples data, double[] theta, double lambda1, double lambda2) {
        int n = data.inputs();
        int m = data.rows();
        double sum = 0;
        for (int i = 0; i < m; i++) {
            double z = dot(augmented(data, i), theta);
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - data.targets()[i] * z;
        }
        double l1 = 0;
        double l2 = 0;
        for (int a = 0; a < n; a++) {
            l1 += Math.abs(theta[a]);
            l2 += theta[a] * theta[a];
        }
        return sum / m + lambda1 / m * l1 + lambda2 / (2.0 * m) * l2;
    }

    private static double largestEigenvalueOfGram(Examples data) {
        int n = data.inputs() + 1;
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        double eigenvalue = 0;
        for (int iteration = 0; iteration < 1000; iteration++) {
            double[] next = new double[n];
            for (int i = 0; i < data.rows(); i++) {
                double[] x = augmented(data, i);
                double s = dot(x, v);
                for (int a = 0; a < n; a++) {
                    next[a] += s * x[a];
                }
            }
            eigenvalue = Math.sqrt(dot(next, next));
            for (int a = 0; a < n; a++) {
                v[a] = next[a] / eigenvalue;
            }
        }
        return eigenvalue;
    }

    private static double[] augmented(Examples data, int row) {
        int n = data.inputs();
        double[] x = new double[n + 1];
        System.arraycopy(data.features(), row * n, x, 0, n);
        x[n] = 1;
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = rhs[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
