// The form's building blocks: labelled controls that name their request field (data-field), and how their values
// become the request's.
import { h } from './dom.js';

/** A labelled control with an optional hint (referenced by aria-describedby). */
export function field(id, label, control, hint) {
  const children = [h('label', { for: id }, label), control];
  if (hint) {
    children.push(h('p', { class: 'hint', id: `${id}-hint` }, hint));
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  return h('div', { class: 'field' }, children);
}

export function select(id, path, options, chosen) {
  return h('select', { id, 'data-field': path }, options.map((o) => h('option', { value: o, selected: o === chosen }, o)));
}

export function numberInput(id, path, initial, step = 'any') {
  return h('input', { type: 'number', id, 'data-field': path, step, value: initial === '' ? null : initial,
    inputmode: 'decimal' });
}

export function checkbox(id, path, label, checked, onToggle) {
  const input = h('input', { type: 'checkbox', id, 'data-field': path, checked,
    onchange: onToggle ? (event) => onToggle(event.target.checked) : null });
  return h('div', { class: 'field check' }, input, h('label', { for: id }, label));
}

/** Enables or disables (and greys) every control of a section. */
export function enable(section, on) {
  section.querySelectorAll('input, select, textarea, button').forEach((control) => { control.disabled = !on; });
  section.classList.toggle('off', !on);
}

/** The number typed; undefined when empty; what the browser could not read as a number is sent as text. */
export function number(input) {
  if (input.validity && input.validity.badInput) {
    return 'not a number';
  }
  const text = input.value.trim();
  if (text === '') {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

/** "0.5" → 0.5, "0.5, 0.3" → [0.5, 0.3]; what is not a number is sent as text for the service to refuse. */
export function rates(text) {
  const parts = text.split(/[,;\s]+/).filter((part) => part !== '');
  const values = parts.map((part) => (Number.isFinite(Number(part)) ? Number(part) : part));
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

/** Drops undefined values and objects left empty. */
export function prune(value) {
  if (Array.isArray(value) || value === null || typeof value !== 'object') {
    return value;
  }
  const result = {};
  for (const [key, inner] of Object.entries(value)) {
    const pruned = prune(inner);
    if (pruned !== undefined && !(typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0)) {
      result[key] = pruned;
    }
  }
  return result;
}
