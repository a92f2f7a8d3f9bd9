// The API key of this tab (regtrain.security.mode=api-key): asked for in a modal form when the service answers 401,
// checked with the service before it is kept, kept in sessionStorage only (this tab, gone when it closes; never in
// localStorage, a cookie or a URL) and sent by api.js as 'Authorization: Bearer <key>'.
import { h } from './dom.js';

const KEY = 'regtrain.key';
/** What the form asks to check a key: any valid key may read it. */
const PROBE = '/api/v1/options';

let asking = null;

/** The key this tab holds, or null. */
export function tabKey() {
  return sessionStorage.getItem(KEY);
}

/** The header that carries a key, none without one. */
export function bearer(key) {
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/**
 * Shows the key form, once however many requests were refused together, and resolves when the service has accepted
 * a key and this tab keeps it. {@code reason} (shown in the form) says why a key held before no longer works.
 */
export function askForKey(reason) {
  if (!asking) {
    asking = new Promise((resolve) => {
      show(reason, (key) => {
        sessionStorage.setItem(KEY, key);
        asking = null;
        resolve();
      });
    });
  }
  return asking;
}

async function problemDetail(response) {
  try {
    return (await response.json()).detail || `HTTP ${response.status}`;
  } catch (e) {
    return `HTTP ${response.status}`;
  }
}

/** Why a request was refused with the key this tab held: the service's words. */
export async function refusal(response) {
  return `The key of this tab was refused: ${await problemDetail(response)}`;
}

function show(reason, accept) {
  const input = h('input', { type: 'password', id: 'key-input', name: 'key', autocomplete: 'off', spellcheck: 'false',
    required: true, 'aria-describedby': 'key-hint key-error' });
  const error = h('p', { id: 'key-error', class: 'field-error', role: 'alert', hidden: !reason }, reason || '');
  const submit = h('button', { type: 'submit', id: 'key-submit' }, 'Use this key');
  let accepted = false;
  const say = (message) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.select();
    input.focus();
  };
  const form = h('form', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) {
        say('Enter a key.');
        return;
      }
      submit.disabled = true;
      let response;
      try {
        response = await fetch(PROBE, { headers: { Accept: 'application/json', ...bearer(key) }, cache: 'no-store' });
      } catch (e) {
        say(`The service could not be reached: ${e.message}`);
        return;
      } finally {
        submit.disabled = false;
      }
      if (response.status === 401) {
        say(`This key was refused: ${await problemDetail(response)}`);
        return;
      }
      accepted = true;
      dialog.close();
      dialog.remove();
      accept(key);
    },
  },
  h('h2', { id: 'key-title' }, 'API key needed'),
  h('p', { id: 'key-hint', class: 'hint' }, 'This service runs with keys. Your key is kept for this tab only, until '
    + 'it is closed, and sent with every request as its Authorization header.'),
  h('div', { class: 'field' }, h('label', { for: 'key-input' }, 'API key'), input, error),
  h('div', { class: 'actions' }, submit));
  const dialog = h('dialog', { id: 'key-prompt', class: 'key-prompt', 'aria-labelledby': 'key-title' }, form);
  // nothing works without a key: Escape does not dismiss the form
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  dialog.addEventListener('close', () => {
    if (!accepted) {
      dialog.showModal();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
}
