// The hidden layers of the network: a list of rows (units, activation) that can grow and shrink by keyboard.
import { h } from './dom.js';
import { number } from './form-controls.js';

/** `activation`: the service's choice for a hidden layer's activation, {values, default}. */
export function layerList(activation, changed) {
  const activations = activation.values;
  const list = h('ol', { class: 'layers', id: 'layers', 'data-field': 'network.hidden', 'aria-label': 'Hidden layers' });
  const empty = h('p', { class: 'hint', id: 'layers-empty' }, 'No hidden layers: logistic, softmax or linear regression.');
  const add = h('button', { type: 'button', id: 'add-layer', class: 'secondary', onclick: () => {
    addRow(32, activation.default).querySelector('input').focus();
    changed();
  } }, 'Add a hidden layer');

  function renumber() {
    [...list.children].forEach((row, i) => {
      const units = row.querySelector('input');
      const activation = row.querySelector('select');
      const remove = row.querySelector('button');
      units.id = `f-units-${i}`;
      units.dataset.field = `network.hidden[${i}].units`;
      row.querySelector('label.units').setAttribute('for', units.id);
      row.querySelector('label.units').textContent = `Layer ${i + 1} units`;
      activation.id = `f-activation-${i}`;
      activation.dataset.field = `network.hidden[${i}].activation`;
      row.querySelector('label.activation').setAttribute('for', activation.id);
      row.querySelector('label.activation').textContent = `Layer ${i + 1} activation`;
      remove.setAttribute('aria-label', `Remove layer ${i + 1}`);
    });
    empty.hidden = list.children.length > 0;
  }

  function addRow(units, activation) {
    const row = h('li', { class: 'layer row' },
      h('div', { class: 'field' }, h('label', { class: 'units' }),
        h('input', { type: 'number', min: 1, step: 1, value: units, inputmode: 'numeric' })),
      h('div', { class: 'field' }, h('label', { class: 'activation' }),
        h('select', {}, activations.map((a) => h('option', { value: a, selected: a === activation }, a)))),
      h('button', { type: 'button', class: 'secondary remove', onclick: () => {
        row.remove();
        renumber();
        add.focus();
        changed();
      } }, 'Remove'));
    list.append(row);
    renumber();
    return row;
  }

  addRow(32, activation.default);
  addRow(32, activation.default);
  return {
    element: h('div', { class: 'layer-list' }, h('p', { class: 'label-like', id: 'layers-label' }, 'Hidden layers'), empty,
      list, add),
    /** [{units, activation}]: units as typed (text the service refuses if it is not a number). */
    values() {
      return [...list.children].map((row) => ({
        units: number(row.querySelector('input')),
        activation: row.querySelector('select').value,
      }));
    },
  };
}
