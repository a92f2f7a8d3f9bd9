import { h } from './dom.js';
import { percentDone } from './format.js';

/** A progress bar (role progressbar) with a visible text; update(job) keeps both current. */
export function progressBar(label, id) {
  const fill = h('div', { class: 'progress-fill' });
  const bar = h('div', {
    class: 'progress', role: 'progressbar', id, 'aria-label': label,
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0,
  }, fill);
  const text = h('span', { class: 'progress-text' });
  const element = h('div', { class: 'progress-wrap' }, bar, text);
  return {
    element,
    update(job) {
      const percent = percentDone(job);
      const progress = job.progress || { epoch: 0, epochs: 0 };
      const epochs = `epoch ${progress.epoch} of ${progress.epochs}`;
      bar.setAttribute('aria-valuenow', percent);
      bar.setAttribute('aria-valuetext', `${percent} %, ${epochs}`);
      bar.dataset.status = job.status;
      fill.style.width = `${percent}%`;
      text.textContent = `${percent} % · ${epochs}`;
    },
  };
}
