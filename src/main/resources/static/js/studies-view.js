// The study list, newest first.
import { getJson } from './api.js';
import { h } from './dom.js';
import { number, shortDateTime } from './format.js';

export function studiesView(main) {
  document.title = 'Studies · regtrain';
  const body = h('tbody', { id: 'studies-body' });
  const notice = h('p', { class: 'notice error', role: 'alert', hidden: true });
  main.append(
    h('h1', { tabindex: -1 }, 'Studies'),
    h('p', { class: 'lede' }, 'Each study trains many jobs from one template and chooses the regularisation by '
      + 'validation or K-fold cross-validation. Start one with "Tune this" on the ', h('a', { href: '#/new' }, 'job form'), '.'),
    notice,
    h('table', { class: 'jobs', id: 'studies-table' },
      h('thead', {}, h('tr', {}, ...['Study', 'Status', 'Jobs done', 'Method', 'Selected', 'Created']
        .map((c) => h('th', { scope: 'col' }, c)))), body));
  getJson('/api/v1/studies?limit=100').then((page) => {
    body.replaceChildren(...page.studies.map((s) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/studies/${encodeURIComponent(s.id)}` }, s.name || s.id.slice(0, 8))),
      h('td', {}, h('span', { class: 'status', 'data-status': s.status }, s.status)),
      h('td', {}, `${s.progress.jobsDone} of ${s.progress.jobs}`),
      h('td', {}, s.method),
      h('td', {}, s.selected ? Object.entries(s.selected.parameters).map(([k, v]) => `${k.split('.').pop()} = ${number(v)}`).join(', ') : '—'),
      h('td', { class: 'created' }, shortDateTime(s.createdAt)))));
  }).catch((e) => {
    notice.textContent = `The studies could not be loaded: ${e.message}`;
    notice.hidden = false;
  });
  return () => {};
}
