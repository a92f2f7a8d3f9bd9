// One study: status, progress, the validation curve the service draws (refreshed whenever a trial's job ends), the
// trials table with each trial's folds, mean and standard error (updated live from the study's event stream), the
// selection and the refit job.
import { ApiError, getBlob, getJson, postJson } from './api.js';
import { KeyedEventSource } from './event-stream.js';
import { announce, h } from './dom.js';
import { number, seconds } from './format.js';
import { isFinal } from './options.js';

const studyUrl = (id, rest = '') => `/api/v1/studies/${encodeURIComponent(id)}${rest}`;

export function studyView(main, id) {
  document.title = 'Study · regtrain';
  const title = h('h1', { tabindex: -1, id: 'study-title' }, 'Study');
  const status = h('span', { class: 'status', id: 'study-status' }, '…');
  const progress = h('span', { id: 'study-progress', class: 'progress-text' });
  const cancel = h('button', { type: 'button', id: 'cancel-study', class: 'secondary', hidden: true,
    onclick: cancelStudy }, 'Cancel study');
  const notice = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const result = h('dl', { class: 'facts', id: 'study-result' });
  const curve = h('img', { id: 'validation-curve', alt: 'Validation curve: mean ± one standard error per trial' });
  const path = h('img', { id: 'path-plot', alt: 'Regularisation path: each layer\'s weight norm and share of zeros' });
  const rows = h('tbody', { id: 'trials-body' });
  const parameterHeads = h('tr');
  let study = null;
  let source = null;

  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/studies' }, 'Studies'), ' / ', h('span', {}, id)),
    title,
    h('div', { class: 'job-head' }, status, progress, cancel),
    notice,
    h('section', { 'aria-labelledby': 'result-heading' },
      h('h2', { id: 'result-heading' }, 'Selection'), result),
    h('section', { 'aria-labelledby': 'curve-heading' },
      h('h2', { id: 'curve-heading' }, 'Validation curve and path'),
      h('p', { class: 'hint' }, 'Drawn by the service; redrawn whenever a trial\'s job ends.'),
      h('div', { class: 'plot-grid' }, curve, path)),
    h('section', { 'aria-labelledby': 'trials-heading' },
      h('h2', { id: 'trials-heading' }, 'Trials'),
      h('p', {}, h('a', { href: studyUrl(id, '/results'), id: 'results-json' }, 'Results (JSON)'), ' · ',
        h('a', { href: `/api/v1/jobs?study=${encodeURIComponent(id)}` }, 'its jobs (JSON)')),
      h('table', { class: 'jobs', id: 'trials-table' },
        h('caption', { class: 'visually-hidden' }, 'Trials in the order visited'),
        h('thead', {}, parameterHeads), rows)));

  getJson(studyUrl(id)).then((current) => {
    show(current);
    if (!isFinal(current.status)) {
      follow();
    }
  }).catch((e) => {
    title.textContent = e instanceof ApiError && e.status === 404 ? 'No such study' : 'The study could not be loaded';
    notice.textContent = e.message;
    notice.hidden = false;
  });

  function follow() {
    source = new KeyedEventSource(studyUrl(id, '/events'));
    source.addEventListener('trial', (event) => {
      const trial = JSON.parse(event.data);
      study.trials[trial.trial] = trial;
      showTrials();
      redraw();
    });
    source.addEventListener('status', (event) => {
      const next = JSON.parse(event.data);
      const ended = isFinal(next.status) && study.status !== next.status;
      show(next);
      if (ended) {
        announce(`The study ${next.status.toLowerCase()}`);
        source.close();
      }
    });
    source.addEventListener('error', () => {
      if (study && isFinal(study.status)) {
        source.close();
      }
    });
  }

  function show(current) {
    study = current;
    title.textContent = `Study ${current.name || current.id.slice(0, 8)}`;
    status.textContent = current.status;
    status.dataset.status = current.status;
    const p = current.progress;
    progress.textContent = `${p.jobsDone} of ${p.jobs} jobs · ${Math.round(p.fraction * 100)} %`
      + (p.etaSeconds && !isFinal(current.status) ? ` · about ${seconds(p.etaSeconds)} left` : '');
    cancel.hidden = isFinal(current.status) || current.cancelRequested;
    path.hidden = current.request.search.method !== 'path';
    showResult();
    showTrials();
    redraw();
  }

  function showResult() {
    const r = study.result;
    const fact = (label, value, id) => h('div', { class: 'fact' }, h('dt', {}, label), h('dd', { id }, value));
    const choice = (c) => (c ? `trial ${c.trial}: ${parameters(c.parameters)} · mean ${number(c.mean)} ± ${number(c.standardError)}` : '—');
    result.replaceChildren(
      fact('Search', `${study.request.search.method}, ${study.trials.length} trials`
        + (study.request.crossValidation ? ` × ${study.request.crossValidation.folds}-fold ${study.request.crossValidation.assignment}` : ''), 'study-search'),
      fact('Best', r ? choice(r.best) : 'when every trial has ended', 'study-best'),
      fact('One standard error', r ? choice(r.oneStandardError) : '—', 'study-one-se'),
      fact(`Selected (${study.request.selection.rule})`, r ? choice(r.selected) : '—', 'study-selected'),
      fact('Refit', r && r.refitJob ? h('a', { href: `#/jobs/${encodeURIComponent(r.refitJob)}` }, 'the refit job') : '—',
        'study-refit'),
      study.error ? fact('Error', study.error, 'study-error') : null,
      r && r.note ? h('div', { class: 'fact wide' }, h('dt', {}, 'Note'), h('dd', { id: 'study-note' }, r.note)) : null);
  }

  function showTrials() {
    const names = Object.keys(study.request.search.parameters);
    parameterHeads.replaceChildren(h('th', { scope: 'col' }, 'Trial'),
      ...names.map((n) => h('th', { scope: 'col' }, n)),
      h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Folds done'),
      h('th', { scope: 'col' }, `Mean ${study.request.selection.metric}`), h('th', { scope: 'col' }, 'Standard error'),
      h('th', { scope: 'col' }, 'Fold values'));
    const selected = study.result && study.result.selected ? study.result.selected.trial : null;
    rows.replaceChildren(...study.trials.map((t) => h('tr', { 'data-trial': t.trial, class: t.trial === selected ? 'selected' : null },
      h('th', { scope: 'row' }, String(t.trial), t.trial === selected ? ' (selected)' : ''),
      ...names.map((n) => h('td', {}, number(t.parameters[n]))),
      h('td', {}, t.status || 'waiting'),
      h('td', {}, `${t.folds.filter((f) => isFinal(f.status)).length} of ${t.folds.length}`),
      h('td', {}, t.mean === null ? '—' : number(t.mean)),
      h('td', {}, t.standardError === null ? '—' : number(t.standardError)),
      h('td', {}, ...t.folds.map((f, i) => [i > 0 ? ' ' : '', f.job
        ? h('a', { href: `#/jobs/${encodeURIComponent(f.job)}`, title: f.reason || '' }, f.value === null ? (f.status || '…') : number(f.value))
        : '·'])))));
  }

  // Fetched afresh each time (no-store), as the job page's plots are: the study may have moved on. The document's
  // query parameters are only the plot's own, so no cache-busting parameter is added to the URL.
  function redraw() {
    draw(curve, 'validation-curve');
    if (!path.hidden) {
      draw(path, 'path');
    }
  }

  function draw(img, name) {
    getBlob(studyUrl(id, `/plots/${name}.png?width=800&height=500`), 'image/png').then((blob) => {
      img.addEventListener('load', () => URL.revokeObjectURL(img.src), { once: true });
      img.src = URL.createObjectURL(blob);
    }).catch((e) => {
      img.title = `not drawn: ${e.message}`;
    });
  }

  async function cancelStudy() {
    try {
      show(await postJson(studyUrl(id, '/cancel'), {}));
    } catch (e) {
      notice.textContent = e.message;
      notice.hidden = false;
    }
  }

  return () => {
    if (source) {
      source.close();
    }
  };
}

function parameters(values) {
  return Object.entries(values).map(([k, v]) => `${k.split('.').pop()} = ${number(v)}`).join(', ');
}
