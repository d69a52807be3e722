// Part of npm run bench: the cost of one runtime shape check (lib/core/shape.ts) on typical props, from the
// compiled library in the folder given as the first argument.
const path = require('path');

const build = process.argv[2];
const { checkShape } = require(path.join(build, 'lib/core/shape.js'));
const { MODEL_VERSION_PROPS } = require(path.join(build, 'lib/assets/shapes.js'));
const { WORKSPACE_PROPS } = require(path.join(build, 'lib/workspace/shapes.js'));
const { ONLINE_DEPLOYMENT_PROPS } = require(path.join(build, 'lib/serving/shapes.js'));

const checks = [
  ['ModelVersion', MODEL_VERSION_PROPS, { source: { kind: 'job-output', bind: () => ({}) }, metrics: { auc: 0.9 }, tags: { team: 'ml' } }],
  ['Workspace', WORKSPACE_PROPS, { resourceGroupId: '/subscriptions/s/resourceGroups/rg', location: 'westeurope', prefix: 'churn', tags: { team: 'ml' } }],
  ['OnlineDeployment', ONLINE_DEPLOYMENT_PROPS, { model: { bind: () => ({}) }, instanceCount: 3, autoscale: { minInstances: 1, maxInstances: 3 } }],
];
const n = 20000;
const cost = checks.map(([name, shape, props]) => {
  for (let i = 0; i < 1000; i++) checkShape('a/b', 'props', props, shape);
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) checkShape('a/b', 'props', props, shape);
  return `${name} ${(Number(process.hrtime.bigint() - t) / 1000 / n).toFixed(1)} µs`;
});
console.log(`shape check per construct: ${cost.join(', ')}`);
