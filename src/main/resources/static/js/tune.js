// "Tune this": a study from the job form. The form's request becomes the study's template (without its seed); the
// parameter to search, its range and the cross-validation are chosen here, from the service's own lists
// (GET /api/v1/studies/options). The service checks the study; its field errors are shown like the form's.
import { ApiError, getJson, postJson } from './api.js';
import { h } from './dom.js';

export function tunePanel(template, onErrors) {
  const parameter = h('select', { id: 't-parameter' });
  const lo = h('input', { id: 't-lo', type: 'number', step: 'any', value: '0.001' });
  const hi = h('input', { id: 't-hi', type: 'number', step: 'any', value: '100' });
  const count = h('input', { id: 't-count', type: 'number', min: '2', step: '1', value: '12' });
  const folds = h('input', { id: 't-folds', type: 'number', min: '2', max: '20', step: '1', value: '5' });
  const rule = h('select', { id: 't-rule' });
  const button = h('button', { type: 'button', id: 'tune-this', class: 'secondary', onclick: tune }, 'Tune this');
  const label = (id, text, control) => h('div', { class: 'field' }, h('label', { for: id }, text), control);
  const element = h('fieldset', { id: 'fs-tune' },
    h('legend', {}, 'Tune this: choose the regularisation by cross-validation'),
    h('p', { class: 'hint' }, 'Trains this job for every value of one parameter on a log scale, strongest first, each '
      + 'fit warm-started from the previous one (a path), in K folds, and picks the value by the rule.'),
    h('div', { class: 'row' }, label('t-parameter', 'Parameter', parameter), label('t-lo', 'From', lo),
      label('t-hi', 'To', hi), label('t-count', 'Values', count)),
    h('div', { class: 'row' }, label('t-folds', 'Folds', folds), label('t-rule', 'Rule', rule)),
    h('div', { class: 'actions' }, button));

  getJson('/api/v1/studies/options').then((options) => {
    parameter.replaceChildren(...options.parameters.filter((p) => p.strength).map((p) => h('option',
      { value: p.path, selected: p.path === 'regularization.penalty.l2' }, `${p.path} ${p.range}`)));
    rule.replaceChildren(...options.rules.map((r) => h('option', { value: r }, r)));
    folds.max = String(options.maxFolds);
  }).catch(() => { button.disabled = true; });

  async function tune() {
    const body = {
      template: { ...template(), seed: undefined },
      search: { method: 'path', parameters: { [parameter.value]: { logRange: [Number(lo.value), Number(hi.value)], count: Number(count.value) } } },
      crossValidation: { folds: Number(folds.value) },
      selection: { rule: rule.value },
    };
    button.disabled = true;
    try {
      const study = await postJson('/api/v1/studies', body);
      location.hash = `#/studies/${encodeURIComponent(study.id)}`;
    } catch (e) {
      onErrors(e instanceof ApiError && e.errors.length ? e.errors.map((error) => ({ ...error,
        field: error.field.startsWith('template.') ? error.field.slice(9) : error.field }))
        : [{ field: '', message: e.message }]);
    } finally {
      button.disabled = false;
    }
  }

  return { element };
}
