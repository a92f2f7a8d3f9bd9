// The job page's prediction form: raw input rows in, labels with probabilities (or values) out.
import { ApiError, jobUrl, postJson } from './api.js';
import { h } from './dom.js';
import { number } from './format.js';
import { clearErrors, showErrors } from './field-errors.js';

export function predictionForm(id) {
  const inputs = h('textarea', { id: 'predict-inputs', name: 'inputs', rows: 4, 'data-field': 'inputs',
    'aria-describedby': 'predict-inputs-hint', spellcheck: 'false' });
  const hint = h('p', { class: 'hint', id: 'predict-inputs-hint' },
    'One row per line, values separated by commas, in raw units (the model standardises them).');
  const samples = h('input', { id: 'predict-mc', name: 'mcDropoutSamples', type: 'number', min: 0, step: 1,
    inputmode: 'numeric', 'data-field': 'mcDropoutSamples', 'aria-describedby': 'predict-mc-hint' });
  const summary = h('div', { class: 'error-summary', tabindex: -1, hidden: true });
  const results = h('div', { id: 'predictions', 'aria-live': 'polite' });
  const form = h('form', { id: 'predict-form', novalidate: true, onsubmit: submit },
    summary,
    h('div', { class: 'field' }, h('label', { for: 'predict-inputs' }, 'Input rows'), inputs, hint),
    h('div', { class: 'field narrow' }, h('label', { for: 'predict-mc' }, 'Monte-Carlo dropout passes'), samples,
      h('p', { class: 'hint', id: 'predict-mc-hint' }, '0 or empty: plain inference; N > 0: dropout stays on and each prediction gets its spread.')),
    h('button', { type: 'submit' }, 'Predict'));

  let configured = false;

  async function submit(event) {
    event.preventDefault();
    clearErrors(form, summary);
    results.replaceChildren();
    const rows = [];
    const lines = inputs.value.split('\n').map((line) => line.trim()).filter((line) => line);
    for (const [i, line] of lines.entries()) {
      const values = line.split(/[,;\s]+/).filter((v) => v !== '').map(Number);
      if (values.some((v) => !Number.isFinite(v))) {
        showErrors(form, summary, [{ field: 'inputs', message: `line ${i + 1} ("${line}") holds something that is not a number` }]);
        return;
      }
      rows.push(values);
    }
    const body = { inputs: rows };
    if (samples.value.trim() !== '') {
      body.mcDropoutSamples = Number(samples.value);
    }
    try {
      const answer = await postJson(jobUrl(id, '/predictions'), body);
      results.replaceChildren(table(rows, answer.predictions));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) {
        showErrors(form, summary, e.errors.map((error) => ({ ...error, field: error.field.replace(/^inputs\[\d+\].*$/, 'inputs'),
          message: error.field.startsWith('inputs[') ? `${error.field}: ${error.message}` : error.message })));
      } else {
        showErrors(form, summary, [{ field: '', message: e.message }]);
      }
    }
  }

  return {
    element: h('div', { class: 'predict' }, form, results),
    /** Fits the hint and an example to the job's inputs, once they are known. */
    configure(job) {
      const features = job.data ? job.data.inputs : null;
      if (!features || configured) {
        return;
      }
      configured = true;
      hint.textContent = `One row per line, ${features} values separated by commas, in raw units (the model standardises them).`;
      inputs.placeholder = Array(features).fill('0').join(', ');
      if (features === 2 && inputs.value === '') {
        inputs.value = '0.0, 0.5\n1.5, -0.4';
      }
    },
  };
}

function table(rows, predictions) {
  const classification = predictions.length && predictions[0].label !== undefined;
  const spread = predictions.some((p) => p.std);
  return h('table', { class: 'predictions' },
    h('caption', {}, `${predictions.length} ${predictions.length === 1 ? 'prediction' : 'predictions'}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Input'),
      h('th', { scope: 'col' }, classification ? 'Label' : 'Value'),
      classification ? h('th', { scope: 'col' }, 'Probabilities') : null,
      spread ? h('th', { scope: 'col' }, 'Spread (std)') : null)),
    h('tbody', {}, predictions.map((p, i) => h('tr', {},
      h('td', {}, rows[i].map(number).join(', ')),
      h('td', {}, classification ? p.label : number(p.value)),
      classification ? h('td', {}, p.probabilities.map(number).join(', ')) : null,
      spread ? h('td', {}, (p.std || []).map(number).join(', ')) : null))));
}
