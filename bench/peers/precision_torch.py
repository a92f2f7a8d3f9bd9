"""R1 on PyTorch in float32 and float64 for several seeds, the peer of PrecisionEvidence (bench/precision):
python3 precision_torch.py [seeds] [epochs] [first seed] [--trace] [--he].

The same split as PrecisionEvidence (the first 50,000 rows train, the last 10,000 are held out), the same network and
settings as mlp_torch.py. For each seed both precisions start from the same initial weights (drawn in float32,
PyTorch's default, and widened for float64), shuffle the same way and seed dropout alike. PyTorch's default
initialisation draws weights from U(-1/sqrt(fan_in), 1/sqrt(fan_in)); with --he they are drawn as regtrain's and the numpy
peer's, N(0, 2/fan_in) with zero biases. Prints one line per seed and
precision (held-out accuracy and mean training loss of the last epoch), then a SUMMARY line per precision."""
import sys
import torch
from common import *

args = [a for a in sys.argv[1:] if not a.startswith("--")]
trace = "--trace" in sys.argv
he = "--he" in sys.argv
seeds = int(args[0]) if len(args) > 0 else 10
epochs = int(args[1]) if len(args) > 1 else 10
first = int(args[2]) if len(args) > 2 else 1
torch.set_num_threads(1)
X, y, C = load()
TRAIN = 50000


def run(seed, dt):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Dropout(PDROP),
                                torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Dropout(PDROP),
                                torch.nn.Linear(128, 10))
    if he:
        for layer in model:
            if isinstance(layer, torch.nn.Linear):
                torch.nn.init.normal_(layer.weight, 0.0, (2.0 / layer.in_features) ** 0.5)
                torch.nn.init.zeros_(layer.bias)
    model = model.to(dt)
    xs = torch.from_numpy(X).to(dt); ys = torch.from_numpy(y)
    xt, yt, xv, yv = xs[:TRAIN], ys[:TRAIN], xs[TRAIN:], ys[TRAIN:]
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    opt = torch.optim.SGD([{"params": weights, "weight_decay": L2}, {"params": biases, "weight_decay": 0.0}],
                          lr=LR, momentum=MOM)
    lossf = torch.nn.CrossEntropyLoss(); nb = TRAIN // BATCH
    order = torch.Generator().manual_seed(seed)
    for e in range(epochs):
        model.train(); perm = torch.randperm(TRAIN, generator=order); tot = 0.0
        for s in range(nb):
            idx = perm[s * BATCH:(s + 1) * BATCH]
            opt.zero_grad(set_to_none=True)
            loss = lossf(model(xt[idx]), yt[idx]); loss.backward(); opt.step(); tot += loss.item()
        model.eval()
        with torch.no_grad():
            accuracy = (model(xv).argmax(1) == yv).double().mean().item()
        if trace or e == epochs - 1:
            print(f"seed {seed} {str(dt).split('.')[-1]} epoch {e + 1} accuracy {accuracy:.4f} loss {tot / nb:.4f}",
                  flush=True)
    return accuracy


results = {torch.float64: [], torch.float32: []}
for seed in range(first, first + seeds):
    for dt in (torch.float64, torch.float32):
        results[dt].append(run(seed, dt))
for dt, accuracies in results.items():
    lost = sum(1 for a, b in zip(results[torch.float64], accuracies) if b < a - 0.005)
    print(f"SUMMARY torch-{str(dt).split('.')[-1]}{'-he' if he else ''} seeds {len(accuracies)} mean_accuracy "
          f"{sum(accuracies) / len(accuracies):.4f} min {min(accuracies):.4f} "
          f"below_float64_by_over_half_a_point {lost}")
