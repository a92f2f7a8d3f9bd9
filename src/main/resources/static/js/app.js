// The dashboard: a hash router over three views. Each view renders into <main> and returns a function that
// stops whatever it keeps running (event streams, timers).
import { jobsView } from './jobs-view.js';
import { jobView } from './job-view.js';
import { formView } from './form-view.js';
import { h } from './dom.js';
import { loadOptions } from './options.js';
import { studyView } from './study-view.js';
import { studiesView } from './studies-view.js';

const main = document.getElementById('main');
let stop = null;
let routed = false;

function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/')) {
    return; // an in-page link such as "Skip to content"
  }
  if (stop) {
    stop();
    stop = null;
  }
  main.replaceChildren();
  const path = hash.slice(1);
  const job = path.match(/^\/jobs\/([^/]+)$/);
  const study = path.match(/^\/studies\/([^/]+)$/);
  let current = 'jobs';
  if (job) {
    stop = jobView(main, decodeURIComponent(job[1]));
  } else if (study) {
    current = 'studies';
    stop = studyView(main, decodeURIComponent(study[1]));
  } else if (path === '/studies') {
    current = 'studies';
    stop = studiesView(main);
  } else if (path === '/new') {
    current = 'new';
    stop = formView(main);
  } else {
    stop = jobsView(main);
  }
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === current && !job && !study) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  // after a route change, keyboard and screen-reader users start at the new page's heading
  const heading = main.querySelector('h1');
  if (heading && routed) {
    heading.focus();
  }
  routed = true;
}

async function start() {
  try {
    await loadOptions();
  } catch (e) {
    main.replaceChildren(h('p', { class: 'notice error', role: 'alert' },
      `The service could not be reached: ${e.message}. Reload the page to try again.`));
    return;
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
