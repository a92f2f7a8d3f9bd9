// The service's HTTP API; errors become ApiError with the RFC 9457 problem document.
import { askForKey, bearer, refusal, tabKey } from './key-prompt.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The field errors of a 400, [{field, message}], possibly empty. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/**
 * fetch with the tab's API key (key-prompt.js); on 401 asks for a key, unless another request already got a new one,
 * and sends the request again with it. Every call of the dashboard, event streams included, goes through here.
 */
export async function keyed(url, init = {}) {
  for (;;) {
    const used = tabKey();
    const response = await fetch(url, { ...init, headers: { ...(init.headers || {}), ...bearer(used) } });
    if (response.status !== 401) {
      return response;
    }
    if (tabKey() === used) {
      await askForKey(used ? await refusal(response) : null);
    }
  }
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (e) {
      body = { detail: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** A download as a Blob; a refusal becomes an ApiError with the service's problem, like every other call. */
export async function getBlob(url, accept) {
  const response = await keyed(url, { cache: 'no-store', headers: { Accept: `${accept}, application/problem+json` } });
  if (!response.ok) {
    await answer(response);
  }
  return response.blob();
}

export async function getJson(url) {
  return answer(await keyed(url, { headers: { Accept: 'application/json' } }));
}

export async function postJson(url, body) {
  return answer(await keyed(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

export async function postCsv(url, file) {
  return answer(await keyed(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
    body: file,
  }));
}

export function jobUrl(id, rest = '') {
  return `/api/v1/jobs/${encodeURIComponent(id)}${rest}`;
}
