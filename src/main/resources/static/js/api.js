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
  const response = await fetch(url, { cache: 'no-store', headers: { Accept: `${accept}, application/problem+json` } });
  if (!response.ok) {
    await answer(response);
  }
  return response.blob();
}

export async function getJson(url) {
  return answer(await fetch(url, { headers: { Accept: 'application/json' } }));
}

export async function postJson(url, body) {
  return answer(await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

export async function postCsv(url, file) {
  return answer(await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json' },
    body: file,
  }));
}

export function jobUrl(id, rest = '') {
  return `/api/v1/jobs/${encodeURIComponent(id)}${rest}`;
}
