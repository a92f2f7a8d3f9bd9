// The job list: newest first, each unfinished job followed live through its event stream.
import { ApiError, getBlob, getJson } from './api.js';
import { announce, h } from './dom.js';
import { follow } from './events.js';
import { advanced, jobName, number, shortDateTime, words } from './format.js';
import { isFinal } from './options.js';
import { progressBar } from './progress.js';

const MAX_COMPARED = 10;
const COMPARE_HINT = `Tick up to ${MAX_COMPARED} jobs in the table to draw their validation loss on one chart.`;
// A browser opens at most 6 connections to a host over HTTP/1.1 and an event stream holds one: leave room for the
// page's own requests.
const MAX_STREAMS = 4;
const REFRESH_MS = 3000;

export function jobsView(main) {
  document.title = 'Jobs · regtrain';
  const rows = new Map(); // job id → {row, update, job}
  const streams = new Map(); // id of a job followed live → close()
  const body = h('tbody');
  const empty = h('p', { class: 'empty', hidden: true }, 'No jobs yet. ', h('a', { href: '#/new' }, 'Submit the first one'),
    '.');
  const error = h('p', { class: 'notice error', role: 'alert', hidden: true });
  const compareButton = h('button', { type: 'button', id: 'compare-button', disabled: true, onclick: compare },
    'Compare validation loss');
  const compareHint = h('p', { id: 'compare-hint', class: 'hint' }, COMPARE_HINT);
  const compareResult = h('div', { id: 'compare-result' });

  main.append(
    h('h1', { tabindex: -1 }, 'Jobs'),
    h('p', { class: 'lede' }, 'Training jobs, newest first; progress and status update live. ',
      h('a', { href: '#/new' }, 'Submit a job'), '.'),
    error,
    h('table', { class: 'jobs', id: 'jobs-table' },
      h('caption', { class: 'visually-hidden' }, 'Training jobs, newest first'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Compare')),
        h('th', { scope: 'col' }, 'Job'),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'progress-col' }, 'Progress'),
        h('th', { scope: 'col' }, 'Stop reason'),
        h('th', { scope: 'col' }, 'Best'),
        h('th', { scope: 'col' }, 'Created'))),
      body),
    empty,
    h('section', { 'aria-labelledby': 'compare-heading', class: 'compare' },
      h('h2', { id: 'compare-heading' }, 'Compare jobs'),
      compareHint, compareButton, compareResult));

  async function refresh() {
    try {
      const page = await getJson('/api/v1/jobs?limit=50');
      error.hidden = true;
      render(page.jobs);
    } catch (e) {
      error.textContent = `The job list could not be loaded: ${e instanceof ApiError ? e.message : 'the service is unreachable'}.`;
      error.hidden = false;
    }
  }

  function render(jobs) {
    const seen = new Set();
    jobs.forEach((job, index) => {
      seen.add(job.id);
      let entry = rows.get(job.id);
      if (!entry) {
        entry = newRow(job);
        rows.set(job.id, entry);
      }
      if (body.children[index] !== entry.row) {
        body.insertBefore(entry.row, body.children[index] || null);
      }
      if (!entry.live) {
        entry.update(job);
      }
    });
    // running jobs are followed live, newest first, while connections allow; the others are refreshed by polling
    for (const job of jobs) {
      if (job.status === 'RUNNING' && !streams.has(job.id) && streams.size < MAX_STREAMS) {
        followLive(job, rows.get(job.id));
      }
    }
    for (const [id, entry] of rows) {
      if (!seen.has(id)) {
        entry.row.remove();
        rows.delete(id);
        streams.get(id)?.();
        streams.delete(id);
      }
    }
    empty.hidden = jobs.length > 0;
  }

  function followLive(job, entry) {
    const stop = () => {
      streams.delete(job.id);
      entry.live = false;
    };
    streams.set(job.id, follow(job.id, {
      since: job.progress.epoch,
      onStatus: (current) => {
        entry.live = !isFinal(current.status);
        entry.update(current);
      },
      onEpoch: (row) => {
        const moved = advanced(entry.job, row.epoch);
        if (moved) {
          entry.update(moved);
        }
      },
      onEnd: stop,
      onGone: stop,
    }));
  }

  function newRow(job) {
    const name = jobName(job);
    const progress = progressBar(`Progress of ${name}`);
    const status = h('span', { class: 'status' });
    const stop = h('td');
    const best = h('td', { class: 'best' });
    const link = h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` });
    const select = h('input', { type: 'checkbox', 'aria-label': `Compare ${name}`, value: job.id,
      onchange: selectionChanged });
    const row = h('tr', { 'data-job-id': job.id },
      h('td', {}, select), h('th', { scope: 'row' }, link), h('td', {}, status), h('td', {}, progress.element), stop, best,
      h('td', { class: 'created' }, h('time', { datetime: job.createdAt }, shortDateTime(job.createdAt))));
    const entry = {
      row, job, live: false, shown: false,
      update(current) {
        if (entry.shown && entry.job.status !== current.status) {
          announce(`${jobName(current)}: ${words(current.status)}${current.stop ? `, ${words(current.stop.reason)}` : ''}`);
        }
        entry.shown = true;
        entry.job = current;
        link.textContent = jobName(current);
        status.textContent = current.status;
        status.dataset.status = current.status;
        stop.textContent = current.stop ? current.stop.reason : '';
        best.textContent = current.best ? `${current.best.monitor} ${number(current.best.value)} (epoch ${current.best.epoch})`
          : '';
        progress.update(current);
      },
    };
    return entry;
  }

  function selected() {
    return [...body.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
  }

  function selectionChanged() {
    const count = selected().length;
    compareButton.disabled = count === 0 || count > MAX_COMPARED;
    compareHint.textContent = count === 0
      ? COMPARE_HINT
      : `${count} selected${count > MAX_COMPARED ? `: at most ${MAX_COMPARED} can be compared` : ''}.`;
  }

  async function compare() {
    const ids = selected();
    const names = ids.map((id) => jobName(rows.get(id).job));
    const url = `/api/v1/plots/compare.png?jobs=${ids.map(encodeURIComponent).join(',')}`;
    const img = h('img', { width: 800, height: 500, alt: `Validation loss per epoch of ${names.join(', ')}`,
      'data-src': url });
    compareResult.replaceChildren(h('figure', {}, img,
      h('figcaption', {}, `Validation loss of ${names.join(', ')}. `, h('a', { href: url }, 'Open the PNG'))));
    try {
      const blob = await getBlob(url, 'image/png'); // fetched afresh: the jobs may have moved on
      img.addEventListener('load', () => URL.revokeObjectURL(img.src), { once: true });
      img.src = URL.createObjectURL(blob);
    } catch (e) {
      img.alt = `The comparison could not be drawn: ${e.message}`;
    }
  }

  refresh();
  const timer = window.setInterval(refresh, REFRESH_MS);
  return () => {
    window.clearInterval(timer);
    streams.forEach((close) => close());
  };
}
