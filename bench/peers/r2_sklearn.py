"""R2's peer: scikit-learn fitting the same 50 models one after another (no dropout there).
Each: moons, 1000 samples, noise 0.3, 2 hidden layers of 64 relu, 100 epochs, batch 32, L2.
python3 r2_sklearn.py [jobs]. Prints one RESULT line."""
import sys, time, warnings
from sklearn.datasets import make_moons
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
warnings.simplefilter("ignore", ConvergenceWarning)
start = time.perf_counter()
for seed in range(jobs):
    X, y = make_moons(n_samples=1000, noise=0.3, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    scaler = StandardScaler().fit(X_train)
    # regtrain l2 = 0.5 (lambda/m, m = 800) is alpha = l2 * batch / m for sklearn's per-batch penalty
    model = MLPClassifier(hidden_layer_sizes=(64, 64), activation="relu", solver="sgd", learning_rate_init=0.05,
                          momentum=0.9, batch_size=32, alpha=0.5 * 32 / 800, max_iter=100, tol=0.0,
                          n_iter_no_change=1000, shuffle=True, random_state=seed)
    model.fit(scaler.transform(X_train), y_train)
    model.score(scaler.transform(X_val), y_val)
elapsed = time.perf_counter() - start
print(f"RESULT sklearn-r2 jobs {jobs} seconds {elapsed:.2f} jobs_per_minute {jobs / elapsed * 60:.1f}")
