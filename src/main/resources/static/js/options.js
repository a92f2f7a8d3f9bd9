// The service's lists of allowed values (GET /api/v1/options): the request's choices with their defaults, the job
// statuses and which are final, the tasks of an upload. The dashboard keeps no copy of any of them.
import { getJson } from './api.js';

let options = null;

/** Loads the lists once; every view is drawn after this. */
export async function loadOptions() {
  options = await getJson('/api/v1/options');
}

/** The allowed values and the default of a request field, e.g. choice('training.optimizer'). */
export function choice(field) {
  const found = options.request.find((c) => c.field === field);
  if (!found) {
    throw new Error(`the service offers no choice for ${field}`);
  }
  return found;
}

/** Whether a status is final (a job that ended never changes again). */
export function isFinal(status) {
  return options.statuses.some((s) => s.status === status && s.final);
}

export function datasetTasks() {
  return options.datasetTasks;
}
