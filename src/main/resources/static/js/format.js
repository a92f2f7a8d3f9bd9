// How numbers, times and job states read on the page.

export const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** A number with 4 significant digits, without trailing zeros; '—' for null. */
export function number(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  if (Number.isInteger(value)) {
    return String(value);
  }
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
}

export function seconds(value) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (value < 60) {
    return `${value.toFixed(value < 10 ? 1 : 0)} s`;
  }
  const minutes = Math.floor(value / 60);
  return `${minutes} min ${Math.round(value % 60)} s`;
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** The time alone for today, else the date and time, both short. */
export function shortDateTime(iso) {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString()
    : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * The job with its progress moved on to `epoch`, or null when that is no news: a finished job, or an epoch the
 * page already has (an event stream replays the epochs since the one it was asked for).
 */
export function advanced(job, epoch) {
  if (FINAL.has(job.status) || epoch <= job.progress.epoch) {
    return null;
  }
  return { ...job, progress: { ...job.progress, epoch, fraction: epoch / job.progress.epochs } };
}

/** The share of the plan done, in whole per cent; a job that succeeded is done, also when it stopped early. */
export function percentDone(job) {
  if (job.status === 'SUCCEEDED') {
    return 100;
  }
  const progress = job.progress || { fraction: 0 };
  return Math.min(100, Math.round(100 * progress.fraction));
}

export function jobName(job) {
  return job.name || `job ${job.id.slice(0, 8)}`;
}

/** "EARLY_STOPPED" reads as "early stopped". */
export function words(code) {
  return code ? code.toLowerCase().replaceAll('_', ' ') : '';
}

/** A dataset request in words: "moons (samples 1000, noise 0.3)" or the uploaded dataset's id. */
export function describeDataset(request) {
  if (request.id) {
    return `uploaded dataset ${request.id}`;
  }
  const parameters = Object.entries(request).filter(([key]) => key !== 'builtin' && key !== 'id')
    .map(([key, value]) => `${key} ${value}`);
  return `${request.builtin}${parameters.length ? ` (${parameters.join(', ')})` : ''}`;
}

/** The regularisation section of a request in words, e.g. "L2 λ₂ = 0.5 · dropout hidden 0.5". */
export function describeRegularisation(r) {
  const parts = [];
  const p = r.penalty || {};
  if (p.l1 > 0) {
    parts.push(`${p.l1Update === 'proximal' ? 'proximal ' : ''}L1 λ₁ = ${number(p.l1)}`);
  }
  if (p.l2 > 0) {
    parts.push(`L2 λ₂ = ${number(p.l2)}`);
  }
  if (p.weightDecay > 0) {
    parts.push(`weight decay ${number(p.weightDecay)}`);
  }
  if (p.maxNorm) {
    parts.push(`max-norm ${number(p.maxNorm)}`);
  }
  const d = r.dropout || {};
  const hidden = (d.hidden || []).filter((rate) => rate > 0);
  if (d.input > 0 || hidden.length) {
    parts.push(`dropout ${d.input > 0 ? `input ${number(d.input)}, ` : ''}hidden ${(d.hidden || []).map(number).join('/')}`);
  }
  if (r.earlyStopping) {
    parts.push(`early stopping on ${r.earlyStopping.monitor}, patience ${r.earlyStopping.patience}`);
  }
  if (r.augmentation) {
    parts.push('augmentation');
  }
  return parts.length ? parts.join(' · ') : 'none';
}
