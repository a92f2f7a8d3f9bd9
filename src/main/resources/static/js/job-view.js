// One job: status, progress, live learning curves from the event stream, why it stopped, its results and plots,
// and a prediction form.
import { ApiError, getBlob, getJson, jobUrl, postJson } from './api.js';
import { announce, h } from './dom.js';
import { follow } from './events.js';
import { COLOURS, curveChart } from './curves.js';
import { advanced, dateTime, describeDataset, jobName, number, seconds, words } from './format.js';
import { findingsList } from './findings.js';
import { isFinal } from './options.js';
import { progressBar } from './progress.js';
import { predictionForm } from './predict.js';

const LOSS_SERIES = [
  { key: 'trainLoss', label: 'training objective J', colour: COLOURS.blue },
  { key: 'trainDataLoss', label: 'training data loss', colour: COLOURS.sky, dash: [6, 4] },
  { key: 'valLoss', label: 'validation loss', colour: COLOURS.vermillion },
  { key: 'penalty', label: 'penalty', colour: COLOURS.purple, dash: [2, 4] },
];
const ACCURACY_SERIES = [
  { key: 'trainAccuracy', label: 'training accuracy', colour: COLOURS.blue },
  { key: 'valAccuracy', label: 'validation accuracy', colour: COLOURS.vermillion },
  { key: 'trainRmse', label: 'training RMSE', colour: COLOURS.blue },
  { key: 'valRmse', label: 'validation RMSE', colour: COLOURS.vermillion },
];

export function jobView(main, id) {
  document.title = 'Job · regtrain';
  const title = h('h1', { tabindex: -1, id: 'job-title' }, 'Job');
  const status = h('span', { class: 'status', id: 'job-status' }, '…');
  const progress = progressBar('Training progress', 'job-progress');
  const cancel = h('button', { type: 'button', id: 'cancel-button', class: 'secondary', hidden: true,
    onclick: cancelJob }, 'Cancel job');
  const notice = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const fact = (label, dd) => h('div', { class: 'fact' }, h('dt', {}, label), dd);
  const stopReason = h('dd', { id: 'stop-reason' }, '—');
  const stopDetail = h('dd', { id: 'stop-detail' }, '—');
  const best = h('dd', { id: 'best' }, '—');
  const epochs = h('dd', { id: 'epoch-info' }, '—');
  const timing = h('dd', { id: 'timing' }, '—');
  const data = h('dd', { id: 'data' }, '—');
  const regularisation = h('dd', { id: 'regularisation' }, '—');
  const objective = h('code', { id: 'objective' }, '—');
  const lossCanvas = h('canvas', { id: 'loss-chart', role: 'img', 'aria-label': 'Loss per epoch' });
  const accuracyCanvas = h('canvas', { id: 'accuracy-chart', role: 'img', 'aria-label': 'Accuracy per epoch' });
  const accuracyTitle = h('figcaption', {}, 'Accuracy per epoch');
  const checkpoints = h('ul', { id: 'checkpoints', class: 'plain' }, h('li', {}, 'None yet.'));
  const plots = h('div', { id: 'plots', class: 'plot-grid' });
  const request = h('pre', { id: 'request-json' });
  const findings = findingsList();
  const predict = predictionForm(id);

  main.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Jobs'), ' / ', h('span', { id: 'crumb' }, id)),
    title,
    h('div', { class: 'job-head' }, status, progress.element, cancel),
    notice,
    h('section', { 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading', class: 'visually-hidden' }, 'Summary'),
      h('dl', { class: 'facts' },
        fact('Stop reason', stopReason), fact('Why it stopped', stopDetail), fact('Best', best),
        fact('Epochs', epochs), fact('Time', timing), fact('Data', data), fact('Regularisation', regularisation),
        h('div', { class: 'fact wide' }, h('dt', {}, 'Objective minimised'), h('dd', {}, objective)))),
    h('section', { 'aria-labelledby': 'diagnostics-heading' },
      h('h2', { id: 'diagnostics-heading' }, 'Diagnostics'),
      h('p', { class: 'hint' }, 'Vanishing or exploding gradients, dead units and saturation, read from the metrics.'),
      findings.element),
    h('section', { 'aria-labelledby': 'curves-heading' },
      h('h2', { id: 'curves-heading' }, 'Learning curves'),
      h('div', { class: 'chart-grid' },
        h('figure', {}, h('div', { class: 'chart-box' }, lossCanvas), h('figcaption', {}, 'Loss per epoch')),
        h('figure', {}, h('div', { class: 'chart-box' }, accuracyCanvas), accuracyTitle))),
    h('section', { 'aria-labelledby': 'results-heading', class: 'results' },
      h('h2', { id: 'results-heading' }, 'Results'),
      h('div', { class: 'columns' },
        h('div', {},
          h('h3', {}, 'Downloads'),
          h('ul', { class: 'plain' },
            h('li', {}, h('a', { href: jobUrl(id, '/model'), id: 'model-link' }, 'Model'), ' (weights and standardisation, JSON)'),
            h('li', {}, h('a', { href: jobUrl(id, '/metrics') }, 'Metrics'), ' (JSON) · ',
              h('button', { type: 'button', class: 'link', onclick: downloadCsv }, 'metrics as CSV')),
            h('li', {}, h('a', { href: jobUrl(id) }, 'Job'), ' (JSON) · ', h('a', { href: jobUrl(id, '/events') }, 'event stream')))),
        h('div', {}, h('h3', {}, 'Checkpoints'), checkpoints))),
    h('section', { 'aria-labelledby': 'plots-heading' },
      h('h2', { id: 'plots-heading' }, 'Plots'),
      h('p', { class: 'hint' }, 'Drawn by the service; they show the job as it was when loaded and refresh when it ends.'),
      plots),
    h('section', { 'aria-labelledby': 'predict-heading' },
      h('h2', { id: 'predict-heading' }, 'Predict'), predict.element),
    h('section', { 'aria-labelledby': 'request-heading' },
      h('h2', { id: 'request-heading' }, 'Request'),
      h('details', {}, h('summary', {}, 'The request with every default filled in'), request)));

  const loss = curveChart(lossCanvas, { yTitle: 'loss (mean per training example)', series: LOSS_SERIES });
  const accuracy = curveChart(accuracyCanvas, { yTitle: 'accuracy', series: ACCURACY_SERIES, markerLabels: 'bottom' });
  let job = null;
  let close = () => {};
  let closed = false;

  getJson(jobUrl(id)).then((current) => {
    if (closed) {
      return;
    }
    show(current, false);
    request.textContent = JSON.stringify(current.request, null, 2);
    showPlots(current);
    refreshCheckpoints();
    close = follow(id, {
      onStatus: (next) => {
        const before = job.status;
        show(next, before !== next.status);
        if (isFinal(next.status) && before !== next.status) {
          refreshCheckpoints();
          showPlots(next);
        }
      },
      onEpoch: (row) => {
        loss.add(row);
        accuracy.add(row);
        if (row.epoch === 1) {
          const regression = row.trainAccuracy === null;
          accuracy.setYTitle(regression ? 'root mean squared error' : 'accuracy');
          accuracyTitle.textContent = regression ? 'RMSE per epoch' : 'Accuracy per epoch';
        }
        const moved = advanced(job, row.epoch);
        if (moved) {
          job = moved;
          progress.update(job);
          epochs.textContent = `${row.epoch} of ${job.progress.epochs}`;
        }
        describeCharts(row);
      },
      onGone: () => {
        if (!isFinal(job.status)) {
          notice.textContent = 'The live connection was lost; reload the page to follow the job again.';
          notice.hidden = false;
        }
      },
    });
  }).catch((e) => {
    title.textContent = e instanceof ApiError && e.status === 404 ? 'No such job' : 'The job could not be loaded';
    notice.textContent = e.message;
    notice.hidden = false;
  });

  function show(current, changed) {
    job = current;
    predict.configure(current);
    const name = jobName(current);
    document.title = `${name} · regtrain`;
    title.textContent = name;
    main.querySelector('#crumb').textContent = name;
    status.textContent = current.status;
    status.dataset.status = current.status;
    progress.update(current);
    cancel.hidden = isFinal(current.status);
    epochs.textContent = `${current.progress.epoch} of ${current.progress.epochs}`;
    timing.textContent = `started ${dateTime(current.startedAt)}; ${seconds(current.progress.elapsedSeconds)} elapsed`
      + (current.progress.etaSeconds && !isFinal(current.status) ? `, about ${seconds(current.progress.etaSeconds)} left` : '');
    stopReason.textContent = current.status === 'QUEUED' ? 'not started'
      : current.stop ? current.stop.reason : (isFinal(current.status) ? current.status : 'still running');
    stopDetail.textContent = current.stop ? current.stop.detail : '—';
    if (current.error && (!current.stop || current.stop.detail !== current.error.message)) {
      stopDetail.textContent += ` (${current.error.message})`;
    }
    best.textContent = current.best ? `epoch ${current.best.epoch}: ${current.best.monitor} ${number(current.best.value)}` : '—';
    data.textContent = current.data
      ? `${current.data.source}, ${current.data.task}, ${current.data.inputs} features, ${current.data.trainingExamples} training and ${current.data.validationExamples} validation examples`
      : describeDataset(current.request.dataset);
    regularisation.textContent = current.regularizationSummary || '—';
    objective.textContent = current.objective || '—';
    findings.update(current.diagnostics);
    const lines = [];
    const bestEpoch = current.stop?.bestEpoch ?? current.best?.epoch;
    if (bestEpoch) {
      lines.push({ x: bestEpoch, label: `best: epoch ${bestEpoch}`, colour: COLOURS.green });
    }
    if (current.stop && (current.stop.reason === 'EARLY_STOPPED' || current.stop.reason === 'DIVERGED')) {
      lines.push({ x: current.stop.epoch, label: `${words(current.stop.reason)}: epoch ${current.stop.epoch}`,
        colour: COLOURS.black, row: 1 });
    }
    loss.setMarkers(lines);
    accuracy.setMarkers(lines);
    if (changed) {
      announce(`${name} is ${words(current.status)}${current.stop ? `: ${words(current.stop.reason)} at epoch ${current.stop.epoch}` : ''}`);
    }
  }

  function describeCharts(row) {
    lossCanvas.setAttribute('aria-label', `Loss per epoch, up to epoch ${row.epoch}: training ${number(row.trainLoss)}`
      + (row.valLoss !== null ? `, validation ${number(row.valLoss)}` : ''));
    accuracyCanvas.setAttribute('aria-label', row.trainAccuracy !== null
      ? `Accuracy per epoch, up to epoch ${row.epoch}: training ${number(row.trainAccuracy)}`
        + (row.valAccuracy !== null ? `, validation ${number(row.valAccuracy)}` : '')
      : `RMSE per epoch, up to epoch ${row.epoch}: training ${number(row.trainRmse)}`
        + (row.valRmse !== null ? `, validation ${number(row.valRmse)}` : ''));
  }

  async function refreshCheckpoints() {
    try {
      const list = (await getJson(jobUrl(id, '/checkpoints'))).checkpoints;
      const monitor = job && job.best ? job.best.monitor : 'monitored value';
      checkpoints.replaceChildren(...(list.length === 0 ? [h('li', {}, 'None yet.')] : list.map((c) => h('li', {},
        h('a', { href: jobUrl(id, `/checkpoints/${encodeURIComponent(c.ref)}`) },
          c.ref === String(c.epoch) ? `epoch ${c.epoch}` : `${c.ref}: epoch ${c.epoch}`),
        ` · ${words(c.kind)}`,
        c.monitorValue !== null && c.monitorValue !== undefined ? ` · ${monitor} ${number(c.monitorValue)}` : ''))));
    } catch (e) {
      checkpoints.replaceChildren(h('li', {}, `Not available: ${e.message}`));
    }
  }

  /**
   * The service's PNGs, fetched afresh each time (the job moves on); the decision regions only for a two-feature
   * classification, and while the data is not prepared yet only if the service can draw them.
   */
  function showPlots(current) {
    const twoFeatures = current.data ? current.data.task === 'classification' && current.data.inputs === 2 : null;
    const names = [['loss', 'Loss per epoch with the best epoch and early stopping marked'],
      ['accuracy', 'Accuracy or RMSE per epoch'], ['weights', 'Weight norm of each layer per epoch'],
      ['gradients', 'Gradient norm of each layer per epoch, log scale'],
      ['histogram', 'Histogram of the final weights per layer']];
    if (twoFeatures !== false) {
      names.push(['decision-boundary', 'Decision regions with the training and validation points']);
    }
    plots.replaceChildren(...names.map(([name, alt]) => {
      const url = jobUrl(id, `/plots/${name}.png`);
      const img = h('img', { alt: `${alt}, as drawn by the service`, width: 800, height: 500, 'data-src': url });
      const figure = h('figure', {}, h('a', { href: url }, img), h('figcaption', {}, h('a', { href: url }, `${name}.png`)));
      getBlob(url, 'image/png').then((blob) => {
        img.addEventListener('load', () => URL.revokeObjectURL(img.src), { once: true });
        img.src = URL.createObjectURL(blob);
      }).catch((e) => {
        if (name === 'decision-boundary' && twoFeatures === null) {
          figure.remove();
        } else {
          img.alt = `${alt}: not drawn (${e.message})`;
        }
      });
      return figure;
    }));
  }

  async function cancelJob() {
    try {
      show(await postJson(jobUrl(id, '/cancel'), {}), true);
    } catch (e) {
      notice.textContent = `Not cancelled: ${e.message}`;
      notice.hidden = false;
    }
  }

  async function downloadCsv() {
    let blob;
    try {
      blob = await getBlob(jobUrl(id, '/metrics'), 'text/csv');
    } catch (e) {
      notice.textContent = `Not downloaded: ${e.message}`;
      notice.hidden = false;
      return;
    }
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `${id}-metrics.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }

  return () => {
    closed = true;
    close();
    loss.destroy();
    accuracy.destroy();
  };
}
