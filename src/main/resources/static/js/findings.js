// The job's gradient diagnostics (vanishing or exploding gradients, dead units, saturation): one item per finding
// with its layer, first epoch and the service's sentence, which names the numbers and the remedies.
import { h } from './dom.js';
import { words } from './format.js';

export function findingsList() {
  const list = h('ul', { id: 'diagnostics', class: 'findings' }, h('li', { class: 'none' }, 'None found so far.'));
  return {
    element: list,
    update(diagnostics) {
      const found = diagnostics || [];
      list.replaceChildren(...(found.length === 0 ? [h('li', { class: 'none' }, 'None found so far.')]
        : found.map((f) => h('li', { class: 'finding', 'data-kind': f.kind },
          h('strong', {}, `${words(f.kind)}: layer ${f.layer}, from epoch ${f.fromEpoch}. `), f.detail))));
    },
  };
}
