// Appended to the README's TypeScript snippet by .ci/clients/run: what it did, checked.
function check(condition: boolean, what: string) {
  if (!condition) {
    throw new Error(`typescript client: ${what}`);
  }
  console.log(`ok - ${what}`);
}
check(job.status === 'SUCCEEDED', `the job succeeded (${job.status})`);
check(job.request?.regularization?.penalty?.l2 === 0.1, 'the request echoes the penalty');
check(predictions?.length === 2 && predictions.every((p) => p.label === '0' || p.label === '1'),
  'two predictions with a class each');
check(Math.abs((predictions![0].probabilities ?? []).reduce((a, b) => a + b, 0) - 1) < 1e-9,
  'the probabilities sum to 1');
check(model.inputs === 2 && model.layers?.length === 2, 'the model has 2 inputs and 2 weight layers');
const listed = await jobs.listJobs({ status: ['SUCCEEDED'], limit: 100 });
check(listed.jobs?.some((j) => j.id === job.id && j.best !== undefined) === true, 'the job list has it with its best');
try {
  await jobs.submitJob({ jobRequest: { dataset: { builtin: 'moons' }, training: { epochs: 0 } } });
  check(false, 'an invalid job is refused');
} catch (error) {
  const response = (error as { response?: Response }).response;
  const problem = await response?.json();
  check(response?.status === 400 && problem.errors[0].field === 'training.epochs',
    'an invalid job is a 400 naming training.epochs');
}
const key = process.env.REGTRAIN_KEY;
if (key) { // the service runs with keys: the client sent this one, and a client without a key is refused
  check(job.owner !== undefined && job.owner !== 'anonymous', `the job belongs to the key's owner (${job.owner})`);
  try {
    await new JobsApi(new Configuration({ basePath: api.basePath })).listJobs({});
    check(false, 'a call without the key is refused');
  } catch (error) {
    const response = (error as { response?: Response }).response;
    check(response?.status === 401 && response.headers.get('WWW-Authenticate')?.startsWith('Bearer ') === true,
      'a call without the key is a 401 asking for a bearer key');
  }
} else {
  check(job.owner === 'anonymous', 'without keys the job belongs to anonymous');
}
