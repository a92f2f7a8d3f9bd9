// The service's HTTP API; errors become ApiError with the RFC 9457 problem document.

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

const KEY = 'regtrain.key';

/**
 * The API key of this tab, if the service asked for one: kept in sessionStorage only (gone with the tab, never in a
 * URL), sent as 'Authorization: Bearer <key>'.
 */
function authHeaders() {
  const key = sessionStorage.getItem(KEY);
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Asks for a key after a 401; true when one was given. */
function askForKey() {
  const key = window.prompt('This service needs an API key. It is kept for this tab only.');
  if (key && key.trim()) {
    sessionStorage.setItem(KEY, key.trim());
    return true;
  }
  return false;
}

/**
 * fetch with the tab's key; on 401 asks for a key (unless another request already got a new one) and tries once
 * more. Every call of the dashboard, event streams included, goes through here.
 */
export async function keyed(url, init = {}) {
  const used = sessionStorage.getItem(KEY);
  const send = () => fetch(url, { ...init, headers: { ...(init.headers || {}), ...authHeaders() } });
  const response = await send();
  if (response.status === 401 && (sessionStorage.getItem(KEY) !== used || askForKey())) {
    return send();
  }
  return response;
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
