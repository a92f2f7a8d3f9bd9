// The API's validation errors, shown next to the fields they are about.
//
// A form control names the request path it fills in data-field, e.g. "network.hidden[0].units" or
// "regularization.dropout.hidden"; fieldsets name a whole section. An error's field path is matched exactly, else
// by its nearest ancestor path: "regularization.dropout.hidden[1]" lands on the hidden-dropout input (whose one
// text box holds every rate), "network.hidden[5]" on the layer list. Errors that match nothing stay in the summary.
import { h } from './dom.js';

/** The control (or fieldset) for an error's field path, or null. */
export function fieldFor(form, path) {
  for (let p = path; p; p = parent(p)) {
    const element = [...form.querySelectorAll('[data-field]')]
      .find((candidate) => candidate.dataset.field === p && !candidate.disabled && !candidate.closest('[hidden]'));
    if (element) {
      return element;
    }
  }
  return null;
}

/** "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "". */
export function parent(path) {
  const match = path.match(/^(.*?)(\[\d+\]|\.[^.[\]]+)$/);
  return match ? match[1] : '';
}

export function clearErrors(form, summary) {
  form.querySelectorAll('.field-error').forEach((error) => error.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const described = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter((ref) => ref && !ref.endsWith('-error')).join(' ');
    if (described) {
      control.setAttribute('aria-describedby', described);
    } else {
      control.removeAttribute('aria-describedby');
    }
  });
  summary.hidden = true;
  summary.replaceChildren();
}

/**
 * Puts each error after its control (message id "<control id>-error", referenced by aria-describedby, the control
 * marked aria-invalid), and lists them all in the summary, which gets the focus: each entry links to its control.
 */
export function showErrors(form, summary, errors, title = 'The request was not accepted') {
  const items = [];
  for (const error of errors) {
    const control = error.field ? fieldFor(form, error.field) : null;
    const exact = control && control.dataset.field === error.field;
    const text = exact || !error.field ? error.message : `${error.field}: ${error.message}`;
    if (control) {
      const id = `${control.id || control.dataset.field.replace(/[^a-zA-Z0-9]+/g, '-')}-error`;
      let message = form.querySelector(`#${CSS.escape(id)}`);
      if (!message) {
        message = h('p', { class: 'field-error', id }, h('span', { class: 'visually-hidden' }, 'Error: '));
        const wrapper = control.closest('.field');
        if (control.matches('fieldset')) {
          control.querySelector('legend').after(message);
        } else if (wrapper) {
          wrapper.append(message);
        } else {
          control.after(message);
        }
      }
      message.append(h('span', { class: 'message' }, text), ' ');
      message.dataset.for = error.field;
      if (!control.matches('fieldset')) {
        control.setAttribute('aria-invalid', 'true');
      }
      const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      described.add(id);
      control.setAttribute('aria-describedby', [...described].join(' '));
    }
    const label = error.field ? `${error.field}: ${error.message}` : error.message;
    items.push(h('li', {}, control && control.id
      ? h('a', { href: `#${control.id}`, onclick: (event) => { event.preventDefault(); control.focus(); } }, label)
      : label));
  }
  summary.replaceChildren(
    h('h2', {}, title),
    h('p', {}, errors.length === 1 ? 'There is 1 problem:' : `There are ${errors.length} problems:`),
    h('ul', {}, items));
  summary.hidden = false;
  summary.setAttribute('role', 'alert');
  summary.focus();
}
