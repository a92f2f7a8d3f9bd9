// How numbers, times and job states read on the page.
import { isFinal } from './options.js';

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
  if (isFinal(job.status) || epoch <= job.progress.epoch) {
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
