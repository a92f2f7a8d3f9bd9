// The form that submits a job. Every control fills one field of the request (its data-field path); empty controls
// are left out so the service fills in its defaults. Nothing is validated here: the service checks the request
// and its errors are shown next to the fields they name.
import { ApiError, getJson, postJson } from './api.js';
import { csvUpload } from './csv-upload.js';
import { h } from './dom.js';
import { clearErrors, showErrors } from './field-errors.js';
import { checkbox, enable, field, number, numberInput, prune, rates, select } from './form-controls.js';
import { layerList } from './layers.js';
import { choice } from './options.js';
import { tunePanel } from './tune.js';

/** A select of a request field's allowed values (from the service), with `chosen` or else the service's default. */
function choiceSelect(id, path, chosen) {
  const { values, default: fallback } = choice(path);
  return select(id, path, values, chosen ?? fallback);
}

export function formView(main) {
  document.title = 'New job · regtrain';
  const summary = h('div', { class: 'error-summary', id: 'error-summary', tabindex: -1, hidden: true });
  const preview = h('pre', { id: 'request-preview' });
  const submitButton = h('button', { type: 'submit', id: 'submit-job' }, 'Submit job');
  const generators = h('select', { id: 'f-builtin', 'data-field': 'dataset.builtin' });
  const parameters = h('div', { id: 'generator-parameters', class: 'row' });
  const uploaded = h('select', { id: 'f-dataset-id', 'data-field': 'dataset.id' },
    h('option', { value: '' }, 'No uploaded dataset yet'));
  const layers = layerList(choice('network.hidden[].activation'), () => updatePreview());
  let catalogue = [];
  const csv = csvUpload((id) => loadUploads(id));

  const sources = {
    builtin: h('div', { class: 'source', id: 'source-builtin' },
      h('div', { class: 'row' }, field('f-builtin', 'Generator', generators)), parameters),
    uploaded: h('div', { class: 'source', id: 'source-uploaded', hidden: true },
      field('f-dataset-id', 'Uploaded dataset', uploaded)),
    upload: csv.element,
  };
  const sourceRadios = Object.keys(sources).map((key) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'source', value: key, id: `src-${key}`, checked: key === 'builtin',
      onchange: () => chooseSource(key) }),
    { builtin: ' Built-in generator', uploaded: ' Uploaded dataset', upload: ' Upload a CSV file' }[key]));

  const earlyStopping = h('div', { class: 'subfields', id: 'early-stopping-fields' },
    h('div', { class: 'row' },
      field('f-es-monitor', 'Monitor', choiceSelect('f-es-monitor', 'regularization.earlyStopping.monitor')),
      field('f-es-patience', 'Patience (epochs)', numberInput('f-es-patience', 'regularization.earlyStopping.patience', 10)),
      field('f-es-min-delta', 'Min. improvement', numberInput('f-es-min-delta', 'regularization.earlyStopping.minDelta', 0.0001))),
    checkbox('f-es-restore', 'regularization.earlyStopping.restoreBestWeights', 'Restore the best weights', true));
  const augmentation = h('div', { class: 'subfields', id: 'augmentation-fields' },
    h('div', { class: 'row' },
      field('f-aug-noise', 'Gaussian noise σ', numberInput('f-aug-noise', 'regularization.augmentation.gaussianNoise', 0.1)),
      field('f-aug-mixup', 'Mixup α', numberInput('f-aug-mixup', 'regularization.augmentation.mixup', ''))),
    h('p', { class: 'hint' }, 'Image datasets only (e.g. shapes):'),
    h('div', { class: 'row' },
      field('f-aug-shift', 'Shift (pixels)', numberInput('f-aug-shift', 'regularization.augmentation.shift', '')),
      field('f-aug-rotation', 'Rotation (°)', numberInput('f-aug-rotation', 'regularization.augmentation.rotationDegrees', '')),
      field('f-aug-zoom', 'Zoom', numberInput('f-aug-zoom', 'regularization.augmentation.zoom', '')),
      field('f-aug-brightness', 'Brightness', numberInput('f-aug-brightness', 'regularization.augmentation.brightness', '')),
      field('f-aug-contrast', 'Contrast', numberInput('f-aug-contrast', 'regularization.augmentation.contrast', ''))),
    h('div', { class: 'row' },
      checkbox('f-aug-flip-h', 'regularization.augmentation.flipHorizontal', 'Flip left–right', false),
      checkbox('f-aug-flip-v', 'regularization.augmentation.flipVertical', 'Flip top–bottom', false)));

  const form = h('form', { id: 'job-form', novalidate: true, onsubmit: submit, oninput: updatePreview, onchange: updatePreview },
    summary,
    h('div', { class: 'form-grid' }, h('div', { class: 'column' },
      h('fieldset', { id: 'fs-job' }, h('legend', {}, 'Job'),
        h('div', { class: 'row' },
          field('f-name', 'Name', h('input', { type: 'text', id: 'f-name', 'data-field': 'name', value: 'moons-l2-dropout',
            autocomplete: 'off' })),
          field('f-seed', 'Seed', numberInput('f-seed', 'seed', 42), 'Same seed, same result.'))),
      h('fieldset', { id: 'fs-dataset', 'data-field': 'dataset' }, h('legend', {}, 'Dataset'),
        h('div', { class: 'choices', role: 'radiogroup', 'aria-label': 'Where the data comes from' }, sourceRadios),
        sources.builtin, sources.uploaded, sources.upload,
        h('div', { class: 'row' },
          field('f-validation', 'Validation split', numberInput('f-validation', 'validationSplit', 0.2), 'Share held out, [0, 1).'),
          checkbox('f-standardize', 'standardize', 'Standardise the inputs', true))),
      h('fieldset', { id: 'fs-network', 'data-field': 'network' }, h('legend', {}, 'Network'),
        layers.element,
        h('div', { class: 'row' },
          field('f-output', 'Output', choiceSelect('f-output', 'network.output')))),
      h('fieldset', { id: 'fs-training', 'data-field': 'training' }, h('legend', {}, 'Training'),
        h('div', { class: 'row' },
          field('f-epochs', 'Epochs', numberInput('f-epochs', 'training.epochs', 100)),
          field('f-batch', 'Batch size', numberInput('f-batch', 'training.batchSize', 32), '0: full batch.'),
          field('f-optimizer', 'Optimizer', choiceSelect('f-optimizer', 'training.optimizer', 'adam')),
          field('f-lr', 'Learning rate', numberInput('f-lr', 'training.learningRate', 0.01)),
          field('f-momentum', 'Momentum', numberInput('f-momentum', 'training.momentum', ''), 'momentum, nesterov; default 0.9.')))),
      h('div', { class: 'column' },
      h('fieldset', { id: 'fs-penalty', 'data-field': 'regularization.penalty' }, h('legend', {}, 'Penalty'),
        h('div', { class: 'row' },
          field('f-l1', 'L1 λ₁', numberInput('f-l1', 'regularization.penalty.l1', 0)),
          field('f-l2', 'L2 λ₂', numberInput('f-l2', 'regularization.penalty.l2', 0.5)),
          field('f-l1-update', 'L1 update', choiceSelect('f-l1-update', 'regularization.penalty.l1Update'),
            'proximal: exact zeros.'),
          field('f-weight-decay', 'Weight decay', numberInput('f-weight-decay', 'regularization.penalty.weightDecay', 0)),
          field('f-max-norm', 'Max-norm', numberInput('f-max-norm', 'regularization.penalty.maxNorm', ''), 'Empty: none.')),
        checkbox('f-regularize-bias', 'regularization.penalty.regularizeBias', 'Penalise biases too', false)),
      h('fieldset', { id: 'fs-dropout', 'data-field': 'regularization.dropout' }, h('legend', {}, 'Dropout'),
        h('div', { class: 'row' },
          field('f-dropout-input', 'Input rate', numberInput('f-dropout-input', 'regularization.dropout.input', 0)),
          field('f-dropout-hidden', 'Hidden rates', h('input', { type: 'text', id: 'f-dropout-hidden', value: '0.2',
            'data-field': 'regularization.dropout.hidden', inputmode: 'decimal', autocomplete: 'off' }),
            'One rate for every hidden layer, or one per layer: 0.5, 0.3.'))),
      h('fieldset', { id: 'fs-early-stopping', 'data-field': 'regularization.earlyStopping' },
        h('legend', {}, 'Early stopping'),
        checkbox('f-es', null, 'Stop when the monitored value stops improving', true, (on) => enable(earlyStopping, on)),
        earlyStopping),
      h('fieldset', { id: 'fs-augmentation', 'data-field': 'regularization.augmentation' },
        h('legend', {}, 'Augmentation'),
        checkbox('f-aug', null, 'Augment the training batches', false, (on) => enable(augmentation, on)),
        augmentation))),
    h('details', { class: 'preview' }, h('summary', {}, 'The request this form sends'), preview),
    h('div', { class: 'actions' }, submitButton));
  const tune = tunePanel(() => request(), (errors) => {
    clearErrors(form, summary);
    showErrors(form, summary, errors, 'The study was not accepted');
  });

  main.append(
    h('h1', { tabindex: -1 }, 'New job'),
    h('p', { class: 'lede' }, 'Each field is a field of the request to ', h('code', {}, 'POST /api/v1/jobs'),
      '; empty ones take the service\'s defaults. The service checks the request, and what it does not accept is shown next to its field.'),
    form, tune.element);

  const value = (id) => form.querySelector(`#${id}`);

  function chooseSource(key) {
    for (const [name, section] of Object.entries(sources)) {
      section.hidden = name !== key;
      enable(section, name === key);
    }
    updatePreview();
  }

  function showParameters() {
    const generator = catalogue.find((g) => g.name === generators.value);
    parameters.replaceChildren(...(generator ? generator.parameters : []).map((p) => field(`f-p-${p.name}`,
      p.name, numberInput(`f-p-${p.name}`, `dataset.${p.name}`, p.default, p.integer ? 1 : 'any'),
      `${p.description}; ${p.min}–${p.max}.`)));
    updatePreview();
  }

  async function load() {
    try {
      catalogue = (await getJson('/api/v1/datasets/builtin')).generators;
      generators.replaceChildren(...catalogue.map((g) => h('option', { value: g.name, selected: g.name === 'moons' },
        `${g.name} (${g.task})`)));
      generators.addEventListener('change', showParameters);
      showParameters();
      await loadUploads();
    } catch (e) {
      showErrors(form, summary, [{ field: '', message: `The service could not be reached: ${e.message}` }],
        'The form could not be prepared');
    }
  }

  async function loadUploads(selected) {
    const list = (await getJson('/api/v1/datasets')).datasets;
    if (list.length) {
      uploaded.replaceChildren(...list.map((d) => h('option', { value: d.id, selected: d.id === selected },
        `${d.name} · ${d.rows} rows, ${d.features} features, ${d.task}`)));
    }
  }

  function request(datasetId) {
    const source = form.querySelector('input[name=source]:checked').value;
    const dataset = source === 'builtin' ? { builtin: generators.value } : { id: datasetId ?? (source === 'uploaded'
      ? uploaded.value || undefined : '(the id of the uploaded file)') };
    if (source === 'builtin') {
      parameters.querySelectorAll('input').forEach((input) => { dataset[input.dataset.field.slice(8)] = number(input); });
    }
    const on = (id) => value(id).checked;
    return prune({
      name: value('f-name').value.trim() || undefined,
      seed: number(value('f-seed')),
      dataset,
      validationSplit: number(value('f-validation')),
      standardize: on('f-standardize'),
      network: { hidden: layers.values(), output: value('f-output').value },
      training: {
        epochs: number(value('f-epochs')), batchSize: number(value('f-batch')), optimizer: value('f-optimizer').value,
        learningRate: number(value('f-lr')), momentum: number(value('f-momentum')),
      },
      regularization: {
        penalty: {
          l1: number(value('f-l1')), l2: number(value('f-l2')), l1Update: value('f-l1-update').value,
          weightDecay: number(value('f-weight-decay')), maxNorm: number(value('f-max-norm')),
          regularizeBias: on('f-regularize-bias'),
        },
        dropout: { input: number(value('f-dropout-input')), hidden: rates(value('f-dropout-hidden').value) },
        earlyStopping: on('f-es') ? {
          monitor: value('f-es-monitor').value, patience: number(value('f-es-patience')),
          minDelta: number(value('f-es-min-delta')), restoreBestWeights: on('f-es-restore'),
        } : undefined,
        augmentation: on('f-aug') ? {
          gaussianNoise: number(value('f-aug-noise')), mixup: number(value('f-aug-mixup')),
          shift: number(value('f-aug-shift')), rotationDegrees: number(value('f-aug-rotation')),
          zoom: number(value('f-aug-zoom')), brightness: number(value('f-aug-brightness')),
          contrast: number(value('f-aug-contrast')), flipHorizontal: on('f-aug-flip-h') || undefined,
          flipVertical: on('f-aug-flip-v') || undefined,
        } : undefined,
      },
    });
  }

  function updatePreview() {
    preview.textContent = JSON.stringify(request(), null, 2);
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors(form, summary);
    submitButton.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const source = form.querySelector('input[name=source]:checked').value;
      const datasetId = source === 'upload' ? await csv.upload() : undefined;
      const job = await postJson('/api/v1/jobs', request(datasetId));
      location.hash = `#/jobs/${encodeURIComponent(job.id)}`;
    } catch (e) {
      const errors = e instanceof ApiError && e.errors.length ? e.errors
        : [{ field: '', message: e instanceof ApiError ? e.message : `The service could not be reached: ${e.message}` }];
      showErrors(form, summary, errors);
    } finally {
      submitButton.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  enable(augmentation, false);
  chooseSource('builtin');
  load();
  return () => {};
}
