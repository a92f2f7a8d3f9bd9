// "Upload a CSV file" as the job's dataset: the file and its options, uploaded (once per file and options) when the
// job is submitted. The service's errors about the upload come back with fields "upload.<query parameter>".
import { ApiError, postCsv } from './api.js';
import { h } from './dom.js';
import { field, select } from './form-controls.js';
import { datasetTasks } from './options.js';

/** `uploaded(id)` is called after a new upload. */
export function csvUpload(uploaded) {
  const uploads = new Map(); // file signature → dataset id, so a retried submission does not upload twice
  const element = h('div', { class: 'source', id: 'source-upload', hidden: true },
    field('f-upload-file', 'CSV file', h('input', { type: 'file', id: 'f-upload-file', accept: '.csv,text/csv',
      'data-field': 'upload.body' }), 'A header row; the label in the last column unless named below.'),
    h('div', { class: 'row' },
      field('f-upload-name', 'Dataset name', h('input', { type: 'text', id: 'f-upload-name', 'data-field': 'upload.name' })),
      field('f-upload-label', 'Label column', h('input', { type: 'text', id: 'f-upload-label', 'data-field': 'upload.label' }),
        'Empty: the last column.'),
      field('f-upload-task', 'Task', select('f-upload-task', 'upload.task', datasetTasks(), datasetTasks()[0])),
      field('f-upload-shape', 'Image shape', h('input', { type: 'text', id: 'f-upload-shape', 'data-field': 'upload.imageShape',
        placeholder: 'e.g. 8x8' }), 'Only for images, width×height[×channels].')));

  /** The id of the uploaded dataset. */
  async function upload() {
    const file = element.querySelector('#f-upload-file').files[0];
    if (!file) {
      throw new ApiError(400, { errors: [{ field: 'upload.body', message: 'choose a CSV file to upload' }] });
    }
    const query = new URLSearchParams();
    const name = element.querySelector('#f-upload-name').value.trim() || file.name.replace(/\.csv$/i, '');
    query.set('name', name);
    for (const [key, id] of [['label', 'f-upload-label'], ['imageShape', 'f-upload-shape']]) {
      if (element.querySelector(`#${id}`).value.trim()) {
        query.set(key, element.querySelector(`#${id}`).value.trim());
      }
    }
    query.set('task', element.querySelector('#f-upload-task').value);
    const signature = `${file.name}|${file.size}|${file.lastModified}|${query}`;
    if (!uploads.has(signature)) {
      try {
        const dataset = await postCsv(`/api/v1/datasets?${query}`, file);
        uploads.set(signature, dataset.id);
      } catch (e) {
        if (e instanceof ApiError) {
          const errors = e.errors.length ? e.errors : [{ field: 'body', message: e.message }];
          throw new ApiError(e.status, { ...e.problem, errors: errors.map((error) => ({ ...error, field: `upload.${error.field}` })) });
        }
        throw e;
      }
    }
    await uploaded(uploads.get(signature));
    return uploads.get(signature);
  }

  return { element, upload };
}
