// Turns the collection that Postman's converter made from openapi/openapi.yaml into one that runs top to bottom
// against a live service (Postman's runner, or newman in .ci/run): the requests in the order of a session, ids
// chained through collection variables, a fresh Idempotency-Key per send, and tests on every request.
// Usage: node postman/build.mjs CONVERTED.json OUTPUT.json
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const converted = JSON.parse(fs.readFileSync(input, 'utf8'));

// A 3×3 image dataset of four rows, for the upload and its augmentation preview.
const IMAGES = 'p1,p2,p3,p4,p5,p6,p7,p8,p9,label\n0,1,0,1,1,1,0,1,0,plus\n1,0,1,0,1,0,1,0,1,cross\n'
  + '0,1,0,1,1,1,0,1,0,plus\n1,0,1,0,1,0,1,0,1,cross\n';
// Eight points of the moons, for an evaluation of the model trained on them.
const MOONS_CHECK = 'x1,x2,label\n-1.0,0.2,0\n-0.5,0.8,0\n0.0,1.0,0\n0.5,0.9,0\n1.0,-0.4,1\n1.5,-0.3,1\n'
  + '2.0,0.3,1\n0.5,-0.4,1\n';
const LONG_JOB = { name: 'to-cancel', seed: 1, dataset: { builtin: 'moons', samples: 2000 },
  network: { hidden: [{ units: 64 }] }, training: { epochs: 100000 } };
// A small λ path: three values, two folds and the refit (seven jobs).
const STUDY = { name: 'small-path', seed: 3,
  template: { dataset: { builtin: 'moons', samples: 120 }, network: { hidden: [{ units: 4 }] },
    training: { epochs: 20, batchSize: 0, optimizer: 'adam', learningRate: 0.05 } },
  search: { method: 'path', parameters: { 'regularization.penalty.l2': { logRange: [0.1, 10], count: 3 } } },
  crossValidation: { folds: 2 }, selection: { rule: 'oneStandardError' } };
// A webhook whose host never resolves (.invalid): its deliveries fail with a reason and nothing leaves the machine.
const WEBHOOK = { url: 'https://hooks.example.invalid/regtrain', events: ['job.succeeded', 'job.failed'],
  description: 'postman' };
const LONG_STUDY = { ...STUDY, name: 'to-cancel', template: { ...STUDY.template, training: { epochs: 100000 } } };

// Test-script helpers, prepended to every request's tests.
const HELPERS = `
const body = () => pm.response.json();
function answers(status, type) {
  pm.test(\`answers \${status} \${type}\`, () => {
    pm.response.to.have.status(status);
    pm.expect(pm.response.headers.get('Content-Type')).to.include(type);
  });
}
function isPng() {
  answers(200, 'image/png');
  pm.test('is a PNG', () => pm.expect(pm.response.stream.slice(1, 4).toString()).to.equal('PNG'));
}`;

// Prepended to every pre-request script: the collection's bearer key ({{apiKey}}) for the requests a script sends
// itself (pm.sendRequest does not inherit the collection's auth), none while it is empty.
const PRE_HELPERS = `
const keyHeader = () => (pm.variables.get('apiKey') ? { Authorization: 'Bearer ' + pm.variables.get('apiKey') } : {});`;

/**
 * Every operation of the document, in the order of the run: its folder, path variables, query (name → value, or
 * null to leave a parameter out), body, and scripts. An operation missing here, or one here that the document does
 * not have, fails the build: the collection covers exactly the document.
 */
const RUN = [
  { op: 'GET /api/v1/options', folder: 'Options', tests: `
answers(200, 'application/json');
pm.test('lists the request choices and the statuses', () => {
  pm.expect(body().request.map((c) => c.field)).to.include('training.optimizer');
  pm.expect(body().statuses.filter((s) => s.final)).to.not.be.empty;
});` },
  { op: 'GET /api/v1/cluster', folder: 'Cluster', tests: `
answers(200, 'application/json');
pm.test('lists the answering instance with its workers', () => {
  const self = body().instances.find((i) => i.id === body().self);
  pm.expect(self.alive).to.equal(true);
  pm.expect(self.workers).to.be.above(0);
});` },
  { op: 'GET /api/v1/datasets/builtin', folder: 'Datasets', tests: `
answers(200, 'application/json');
pm.test('lists the generators with their parameters', () => {
  const moons = body().generators.find((g) => g.name === 'moons');
  pm.expect(moons.parameters.map((p) => p.name)).to.include('samples');
});` },
  { op: 'GET /api/v1/datasets/builtin/{name}/preview', folder: 'Datasets', path: { name: 'shapes' },
    query: { shift: '2', rotationDegrees: '10', zoom: '0.1' }, tests: 'isPng();' },
  { op: 'POST /api/v1/datasets', folder: 'Datasets', query: { name: 'tiny-images', imageShape: '3x3' },
    body: IMAGES, tests: `
answers(201, 'application/json');
pm.test('describes the upload and says where it is', () => {
  pm.expect(body()).to.include({ name: 'tiny-images', rows: 4, features: 9, imageShape: '3x3' });
  pm.expect(pm.response.headers.get('Location')).to.equal('/api/v1/datasets/' + body().id);
  pm.collectionVariables.set('datasetId', body().id);
});` },
  { op: 'GET /api/v1/datasets', folder: 'Datasets', tests: `
answers(200, 'application/json');
pm.test('lists the upload', () => pm.expect(body().datasets.map((d) => d.id)).to.include(pm.variables.get('datasetId')));` },
  { op: 'GET /api/v1/datasets/{id}', folder: 'Datasets', path: { id: '{{datasetId}}' }, tests: `
answers(200, 'application/json');
pm.test('is the upload, its classes as strings', () => {
  pm.expect(body().id).to.equal(pm.variables.get('datasetId'));
  pm.expect(body().classes).to.have.members(['cross', 'plus']);
});` },
  { op: 'GET /api/v1/datasets/{id}/preview', folder: 'Datasets', path: { id: '{{datasetId}}' },
    query: { shift: '1', flipHorizontal: 'true', samples: '2', versions: '3' }, tests: 'isPng();' },
  { op: 'POST /api/v1/jobs', folder: 'Jobs', tests: `
answers(202, 'application/json');
pm.test('is the job, queued or running, with every default filled in', () => {
  pm.expect(body().status).to.be.oneOf(['QUEUED', 'RUNNING']);
  pm.expect(body().request.training.optimizer).to.equal('momentum');
  pm.expect(body().request.regularization.dropout.hidden).to.eql([0.5, 0.5]);
  pm.expect(pm.response.headers.get('Location')).to.equal('/api/v1/jobs/' + body().id);
  pm.collectionVariables.set('jobId', body().id);
  pm.collectionVariables.set('polls', 0);
});` },
  { op: 'GET /api/v1/jobs/{id}', folder: 'Jobs', path: { id: '{{jobId}}' }, tests: `
answers(200, 'application/json');
const polls = Number(pm.collectionVariables.get('polls'));
if (!body().stop && polls < 600) { // not ended yet: ask again in half a second
  pm.collectionVariables.set('polls', polls + 1);
  postman.setNextRequest(pm.info.requestName);
  setTimeout(() => {}, 500);
} else {
  pm.test('ended early stopped, with its best epoch, objective and regularisation', () => {
    pm.expect(body().status).to.equal('SUCCEEDED');
    pm.expect(body().stop.reason).to.equal('EARLY_STOPPED');
    pm.expect(body().best.monitor).to.equal('val_loss');
    pm.expect(body().objective).to.match(/^J = /);
    pm.expect(body().regularizationSummary).to.include('dropout');
  });
}` },
  { op: 'GET /api/v1/jobs', folder: 'Jobs', query: { status: 'SUCCEEDED,FAILED', limit: '20', cursor: null },
    tests: `
answers(200, 'application/json');
pm.test('lists the job with its status, best value and stop reason', () => {
  const entry = body().jobs.find((j) => j.id === pm.variables.get('jobId'));
  pm.expect(entry.status).to.equal('SUCCEEDED');
  pm.expect(entry.best.value).to.be.a('number');
  pm.expect(entry.stop.reason).to.equal('EARLY_STOPPED');
});` },
  { op: 'GET /api/v1/jobs/{id}/events', folder: 'Jobs', path: { id: '{{jobId}}' },
    query: { since: null }, headers: { 'Last-Event-ID': null }, tests: `
answers(200, 'text/event-stream');
pm.test('replays the epochs between a status first and the final status last', () => {
  const events = pm.response.text().split(/\\n\\n/).filter((e) => e.trim() !== '');
  pm.expect(events[0]).to.match(/^event:status/);
  pm.expect(events.filter((e) => e.startsWith('event:epoch'))).to.not.be.empty;
  pm.expect(events[events.length - 1]).to.include('"status":"SUCCEEDED"');
});` },
  { op: 'POST /api/v1/jobs/{id}/cancel', folder: 'Jobs', path: { id: '{{cancelJobId}}' },
    prerequest: `
// a job long enough to cancel
pm.sendRequest({
  url: pm.variables.get('baseUrl') + '/api/v1/jobs',
  method: 'POST',
  header: { 'Content-Type': 'application/json', 'Idempotency-Key': pm.variables.replaceIn('{{$guid}}'),
    ...keyHeader() },
  body: { mode: 'raw', raw: ${JSON.stringify(JSON.stringify(LONG_JOB))} },
}, (error, response) => pm.collectionVariables.set('cancelJobId', response.json().id));`, tests: `
answers(202, 'application/json');
pm.test('is the job, cancelled or stopping within a mini-batch', () => {
  pm.expect(body().id).to.equal(pm.variables.get('cancelJobId'));
  pm.expect(body().status).to.be.oneOf(['CANCELLED', 'RUNNING']);
});` },
  { op: 'POST /api/v1/jobs/{id}/continue', folder: 'Jobs', path: { id: '{{jobId}}' },
    body: JSON.stringify({ epochs: 3 }, null, 2), tests: `
answers(202, 'application/json');
pm.test('is a new job that continues the first from its last epoch', () => {
  pm.expect(body().id).to.not.equal(pm.variables.get('jobId'));
  pm.expect(body().continuedFrom.job).to.equal(pm.variables.get('jobId'));
  pm.expect(body().continuedFrom.epoch).to.be.above(0);
});` },
  { op: 'GET /api/v1/jobs/{id}/metrics', folder: 'Results', path: { id: '{{jobId}}' }, tests: `
answers(200, 'application/json');
pm.test('has one row per epoch, each with its losses and per-layer values', () => {
  const rows = body().epochs;
  pm.expect(rows.map((r) => r.epoch)).to.eql(rows.map((r, i) => i + 1));
  pm.expect(rows[0]).to.include.keys('trainLoss', 'valLoss', 'penalty', 'layers');
});` },
  { op: 'GET /api/v1/jobs/{id}/checkpoints', folder: 'Results', path: { id: '{{jobId}}' }, tests: `
answers(200, 'application/json');
pm.test('lists the best checkpoint first', () => {
  pm.expect(body().checkpoints[0].ref).to.equal('best');
  pm.expect(body().checkpoints[0].sha256).to.match(/^[0-9a-f]{64}$/);
});` },
  { op: 'GET /api/v1/jobs/{id}/checkpoints/{ref}', folder: 'Results', path: { id: '{{jobId}}', ref: 'best' },
    query: { format: null, precision: null }, tests: `
answers(200, 'application/json');
pm.test('is a model document of the best epoch', () => {
  pm.expect(body().format).to.equal('regtrain-model/1');
  pm.expect(body().jobId).to.equal(pm.variables.get('jobId'));
  pm.expect(body().layers).to.have.lengthOf(3);
});` },
  { op: 'GET /api/v1/jobs/{id}/model', folder: 'Results', path: { id: '{{jobId}}' },
    query: { format: null, precision: null }, tests: `
answers(200, 'application/json');
pm.test('is the model with its standardisation', () => {
  pm.expect(body().inputs).to.equal(2);
  pm.expect(body().standardization.mean).to.have.lengthOf(2);
});` },
  { op: 'POST /api/v1/jobs/{id}/predictions', folder: 'Results', path: { id: '{{jobId}}' },
    body: JSON.stringify({ inputs: [[0.0, 0.5], [1.5, -0.4]], mcDropoutSamples: 20 }, null, 2), tests: `
answers(200, 'application/json');
pm.test('predicts a class with probabilities and their spread for each row', () => {
  pm.expect(body().predictions).to.have.lengthOf(2);
  body().predictions.forEach((p) => {
    pm.expect(p.label).to.be.oneOf(['0', '1']);
    pm.expect(p.probabilities[0] + p.probabilities[1]).to.be.closeTo(1, 1e-9);
    pm.expect(p.std).to.have.lengthOf(2);
  });
});` },
  { op: 'POST /api/v1/jobs/{id}/gradient-check', folder: 'Analysis', path: { id: '{{jobId}}' },
    body: JSON.stringify({ checkpoint: 'best', examples: 8, parametersPerLayer: 10 }, null, 2), tests: `
answers(200, 'application/json');
pm.test('the analytic gradient agrees with central differences', () => {
  pm.expect(body().verdict).to.equal('OK');
  pm.expect(body().maxRelativeError).to.be.below(1e-7);
  pm.expect(body().layers).to.have.lengthOf(3);
});` },
  { op: 'POST /api/v1/jobs/{id}/evaluations', folder: 'Analysis', path: { id: '{{jobId}}' },
    body: '{\n  "dataset": {"id": "{{evaluationDatasetId}}"}\n}', prerequest: `
// a small dataset with the model's two features and its labels, to evaluate it on
pm.sendRequest({
  url: pm.variables.get('baseUrl') + '/api/v1/datasets?name=moons-check',
  method: 'POST',
  header: { 'Content-Type': 'text/csv', 'Idempotency-Key': pm.variables.replaceIn('{{$guid}}'),
    ...keyHeader() },
  body: { mode: 'raw', raw: ${JSON.stringify(MOONS_CHECK)} },
}, (error, response) => pm.collectionVariables.set('evaluationDatasetId', response.json().id));`, tests: `
answers(200, 'application/json');
pm.test('gives the accuracy and a confusion matrix over the dataset', () => {
  pm.expect(body().accuracy).to.be.within(0, 1);
  pm.expect(body().confusionMatrix).to.have.lengthOf(2);
  pm.expect(body().rows).to.equal(8);
});` },
  { op: 'GET /api/v1/jobs/{id}/plots/loss.png', folder: 'Plots', path: { id: '{{jobId}}' }, tests: 'isPng();' },
  { op: 'GET /api/v1/jobs/{id}/plots/accuracy.png', folder: 'Plots', path: { id: '{{jobId}}' },
    query: { width: '640', height: '400' }, tests: 'isPng();' },
  { op: 'GET /api/v1/jobs/{id}/plots/weights.png', folder: 'Plots', path: { id: '{{jobId}}' }, tests: 'isPng();' },
  { op: 'GET /api/v1/jobs/{id}/plots/gradients.png', folder: 'Plots', path: { id: '{{jobId}}' },
    tests: 'isPng();' },
  { op: 'GET /api/v1/jobs/{id}/plots/histogram.png', folder: 'Plots', path: { id: '{{jobId}}' },
    tests: 'isPng();' },
  { op: 'GET /api/v1/jobs/{id}/plots/decision-boundary.png', folder: 'Plots', path: { id: '{{jobId}}' },
    tests: 'isPng();' },
  { op: 'GET /api/v1/plots/compare.png', folder: 'Plots', query: { jobs: '{{jobId}},{{cancelJobId}}' },
    tests: 'isPng();' },
  { op: 'GET /api/v1/studies/options', folder: 'Studies', tests: `
answers(200, 'application/json');
pm.test('lists the parameters a study may search', () => {
  pm.expect(body().parameters.map((p) => p.path)).to.include('regularization.penalty.l2');
  pm.expect(body().rules).to.include('oneStandardError');
});` },
  { op: 'POST /api/v1/studies', folder: 'Studies', body: JSON.stringify(STUDY, null, 2), tests: `
answers(202, 'application/json');
pm.test('is the study, running, with its trials strongest first', () => {
  pm.expect(body().status).to.equal('RUNNING');
  pm.expect(body().trials.map((t) => t.parameters['regularization.penalty.l2'])).to.eql([10, 1, 0.1]);
  pm.expect(pm.response.headers.get('Location')).to.equal('/api/v1/studies/' + body().id);
  pm.collectionVariables.set('studyId', body().id);
  pm.collectionVariables.set('polls', 0);
});` },
  { op: 'GET /api/v1/studies/{id}', folder: 'Studies', path: { id: '{{studyId}}' }, tests: `
answers(200, 'application/json');
const polls = Number(pm.collectionVariables.get('polls'));
if (body().status === 'RUNNING' && polls < 600) { // not ended yet: ask again in half a second
  pm.collectionVariables.set('polls', polls + 1);
  postman.setNextRequest(pm.info.requestName);
  setTimeout(() => {}, 500);
} else {
  pm.test('ended with a selection, the refit and every fold scored', () => {
    pm.expect(body().status).to.equal('SUCCEEDED');
    pm.expect(body().progress.jobsDone).to.equal(7);
    pm.expect(body().result.selected.trial).to.be.a('number');
    pm.expect(body().result.refitJob).to.be.a('string');
    body().trials.forEach((t) => pm.expect(t.standardError).to.be.a('number'));
  });
}` },
  { op: 'GET /api/v1/studies', folder: 'Studies', query: { status: 'SUCCEEDED', limit: '20', cursor: null }, tests: `
answers(200, 'application/json');
pm.test('lists the study with its selection', () => {
  const entry = body().studies.find((s) => s.id === pm.variables.get('studyId'));
  pm.expect(entry.method).to.equal('path');
  pm.expect(entry.selected.trial).to.be.a('number');
});` },
  { op: 'GET /api/v1/studies/{id}/events', folder: 'Studies', path: { id: '{{studyId}}' }, tests: `
answers(200, 'text/event-stream');
pm.test('sends the study as it is, SUCCEEDED', () => pm.expect(pm.response.text()).to.match(/^event:status/));` },
  { op: 'GET /api/v1/studies/{id}/results', folder: 'Studies', path: { id: '{{studyId}}' }, tests: `
answers(200, 'application/json');
pm.test('has one row per trial and fold', () => pm.expect(body().rows).to.have.lengthOf(6));` },
  { op: 'GET /api/v1/studies/{id}/plots/validation-curve.png', folder: 'Studies', path: { id: '{{studyId}}' },
    tests: 'isPng();' },
  { op: 'GET /api/v1/studies/{id}/plots/path.png', folder: 'Studies', path: { id: '{{studyId}}' },
    query: { width: '640', height: '400' }, tests: 'isPng();' },
  { op: 'POST /api/v1/studies/{id}/cancel', folder: 'Studies', path: { id: '{{cancelStudyId}}' },
    prerequest: `
// a study long enough to cancel
pm.sendRequest({
  url: pm.variables.get('baseUrl') + '/api/v1/studies',
  method: 'POST',
  header: { 'Content-Type': 'application/json', 'Idempotency-Key': pm.variables.replaceIn('{{$guid}}'),
    ...keyHeader() },
  body: { mode: 'raw', raw: ${JSON.stringify(JSON.stringify(LONG_STUDY))} },
}, (error, response) => pm.collectionVariables.set('cancelStudyId', response.json().id));`, tests: `
answers(202, 'application/json');
pm.test('is the study, cancelled or cancelling its running jobs', () => {
  pm.expect(body().id).to.equal(pm.variables.get('cancelStudyId'));
  pm.expect(body().cancelRequested || body().status === 'CANCELLED').to.equal(true);
});` },
  { op: 'POST /api/v1/webhooks', folder: 'Webhooks', body: JSON.stringify(WEBHOOK, null, 2), tests: `
answers(201, 'application/json');
pm.test('is the webhook, active, with its secret shown this once', () => {
  pm.expect(body().status).to.equal('ACTIVE');
  pm.expect(body().secret).to.match(/^whsec_/);
  pm.expect(body().events).to.eql(['job.succeeded', 'job.failed']);
  pm.expect(pm.response.headers.get('Location')).to.equal('/api/v1/webhooks/' + body().id);
  pm.collectionVariables.set('webhookId', body().id);
});` },
  { op: 'GET /api/v1/webhooks', folder: 'Webhooks', tests: `
answers(200, 'application/json');
pm.test('lists the webhook without its secret', () => {
  const entry = body().webhooks.find((w) => w.id === pm.variables.get('webhookId'));
  pm.expect(entry.url).to.equal('${WEBHOOK.url}');
  pm.expect(entry).to.not.have.property('secret');
});` },
  { op: 'GET /api/v1/webhooks/{id}', folder: 'Webhooks', path: { id: '{{webhookId}}' }, tests: `
answers(200, 'application/json');
pm.test('is the webhook without its secret', () => {
  pm.expect(body().id).to.equal(pm.variables.get('webhookId'));
  pm.expect(body()).to.not.have.property('secret');
});` },
  { op: 'POST /api/v1/webhooks/{id}/test', folder: 'Webhooks', path: { id: '{{webhookId}}' }, tests: `
answers(202, 'application/json');
pm.test('queues a webhook.test event', () => {
  pm.expect(body().type).to.equal('webhook.test');
  pm.expect(body().eventId).to.match(/^evt_/);
});` },
  { op: 'GET /api/v1/webhooks/{id}/deliveries', folder: 'Webhooks', path: { id: '{{webhookId}}' }, tests: `
answers(200, 'application/json');
pm.test('is the webhook\\'s deliveries log', () => {
  pm.expect(body().webhookId).to.equal(pm.variables.get('webhookId'));
  pm.expect(body().deliveries).to.be.an('array');
});` },
  { op: 'DELETE /api/v1/webhooks/{id}', folder: 'Clean up', path: { id: '{{webhookId}}' }, tests: `
pm.test('answers 204 with no body', () => {
  pm.response.to.have.status(204);
  pm.expect(pm.response.text()).to.equal('');
});` },
  { op: 'POST /api/v1/keys', folder: 'Keys', body: JSON.stringify({ owner: 'team-a', role: 'user', name: 'ci' }),
    tests: `
pm.test('answers 201 with the key, or 409 when the service runs without keys', () => {
  pm.expect(pm.response.code).to.be.oneOf([201, 409]);
  if (pm.response.code === 201) {
    pm.expect(body().key).to.match(/^rtk_/);
    pm.collectionVariables.set('keyId', body().id);
  } else {
    pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json');
    pm.collectionVariables.set('keyId', 'key_none');
  }
});` },
  { op: 'GET /api/v1/keys', folder: 'Keys', tests: `
pm.test('answers 200 with the keys, or 409 when the service runs without keys', () => {
  pm.expect(pm.response.code).to.be.oneOf([200, 409]);
});` },
  { op: 'DELETE /api/v1/keys/{id}', folder: 'Keys', path: { id: '{{keyId}}' }, tests: `
pm.test('answers 204, or 409 when the service runs without keys', () => {
  pm.expect(pm.response.code).to.be.oneOf([204, 409]);
});` },
  { op: 'DELETE /api/v1/studies/{id}', folder: 'Clean up', path: { id: '{{studyId}}' }, tests: `
pm.test('answers 204 with no body', () => {
  pm.response.to.have.status(204);
  pm.expect(pm.response.text()).to.equal('');
});` },
  { op: 'DELETE /api/v1/jobs/{id}', folder: 'Clean up', path: { id: '{{jobId}}' }, tests: `
pm.test('answers 204 with no body', () => {
  pm.response.to.have.status(204);
  pm.expect(pm.response.text()).to.equal('');
});` },
  { op: 'DELETE /api/v1/datasets/{id}', folder: 'Clean up', path: { id: '{{datasetId}}' }, tests: `
pm.test('answers 204 with no body', () => {
  pm.response.to.have.status(204);
  pm.expect(pm.response.text()).to.equal('');
});` },
];

const requests = new Map();
(function collect(items) {
  for (const item of items) {
    if (item.item) {
      collect(item.item);
    } else {
      const path = item.request.url.path.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/');
      requests.set(`${item.request.method} /${path}`, item);
    }
  }
}(converted.item));

const planned = new Set(RUN.map((r) => r.op));
const missing = [...requests.keys()].filter((op) => !planned.has(op));
const gone = [...planned].filter((op) => !requests.has(op));
if (missing.length || gone.length) {
  console.error(`postman/build.mjs: add to RUN: ${missing.join(', ') || 'nothing'}; `
    + `remove from RUN: ${gone.join(', ') || 'nothing'}`);
  process.exit(1);
}

function script(lines) {
  return lines.trim().split('\n');
}

/** The converted request with the run's values: no placeholder ("string") is left. */
function prepare(step) {
  const item = requests.get(step.op);
  const request = item.request;
  delete item.id;
  delete item.response; // the document's examples stay in the document; the run checks real answers
  for (const variable of request.url.variable || []) {
    variable.value = step.path?.[variable.key] ?? variable.value;
  }
  const query = [];
  for (const parameter of request.url.query || []) {
    if (step.query && parameter.key in step.query) {
      if (step.query[parameter.key] === null) {
        continue;
      }
      parameter.value = step.query[parameter.key];
    } else if (step.query) {
      parameter.disabled = true;
      parameter.value = ''; // the converter draws an enum's example at random: a disabled one is left empty
    }
    if (parameter.value === 'string') {
      parameter.value = ''; // the converter's placeholder; a parameter the run leaves out
    }
    query.push(parameter);
  }
  request.url.query = query;
  request.header = (request.header || []).filter((h) => !(step.headers && step.headers[h.key] === null));
  for (const header of request.header) {
    if (header.key === 'Idempotency-Key') {
      header.value = '{{$guid}}'; // a fresh key per send: an edited body is a new request
    }
  }
  if (step.body !== undefined) {
    request.body.raw = step.body;
  }
  item.event = [{ listen: 'test', script: { type: 'text/javascript', exec: script(`${HELPERS}\n${step.tests}`) } }];
  if (step.prerequest) {
    item.event.unshift({ listen: 'prerequest',
      script: { type: 'text/javascript', exec: script(`${PRE_HELPERS}\n${step.prerequest}`) } });
  }
  return item;
}

const folders = new Map();
for (const step of RUN) {
  if (!folders.has(step.folder)) {
    folders.set(step.folder, []);
  }
  folders.get(step.folder).push(prepare(step));
}

const collection = {
  info: {
    name: converted.info.name,
    description: `${converted.info.description.content}\n\nRun it top to bottom (Postman's runner, or `
      + '`newman run postman/regtrain.postman_collection.json`) against a fresh service at {{baseUrl}}: it uploads a '
      + 'dataset, trains a job, follows it to the end and fetches everything it made, runs a small study, testing '
      + 'every answer. With keys on (regtrain.security.mode=api-key), set {{apiKey}} to an admin key: every request '
      + 'sends it as a bearer token (the collection\'s auth); leave it empty for a service without keys. '
      + 'Generated by postman/generate from openapi/openapi.yaml.',
    schema: converted.info.schema,
  },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{apiKey}}', type: 'string' }] },
  item: [...folders].map(([name, item]) => ({ name, item })),
  variable: [
    { key: 'baseUrl', value: 'http://localhost:8080', type: 'string' },
    { key: 'apiKey', value: '', type: 'string' },
    { key: 'jobId', value: '', type: 'string' },
    { key: 'cancelJobId', value: '', type: 'string' },
    { key: 'datasetId', value: '', type: 'string' },
    { key: 'evaluationDatasetId', value: '', type: 'string' },
    { key: 'studyId', value: '', type: 'string' },
    { key: 'cancelStudyId', value: '', type: 'string' },
    { key: 'webhookId', value: '', type: 'string' },
    { key: 'polls', value: '0', type: 'string' },
  ],
};
fs.writeFileSync(output, `${JSON.stringify(collection, null, 2)}\n`);
