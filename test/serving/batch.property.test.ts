import * as fc from 'fast-check';
import { BatchEndpoint, BatchLoggingLevel, BatchOutputAction, DeploymentModel } from '../../lib/serving';
import { choose, FUZZ, isLibraryError, prop, props, synthOrRefuse, Tally } from '../support/fuzz';
import { COMPUTE_ID, FakeModelVersion, servingStack } from './fixtures';

const deployment = fc.record({
  id: choose(['nightly', 'weekly'], ['', 'n']),
  options: props({
    computeId: prop(choose([COMPUTE_ID], ['cpu-cluster']), { unset: 1 }),
    isDefault: prop(fc.boolean()),
    instanceCount: prop(choose([1, 2], [0])),
    miniBatchSize: prop(choose([10], [0])),
    maxRetries: prop(choose([3], [-1])),
    timeoutSeconds: prop(choose([300])),
    errorThreshold: prop(choose([-1, 10])),
    outputAction: prop(choose([BatchOutputAction.APPEND_ROW, BatchOutputAction.SUMMARY_ONLY])),
    loggingLevel: prop(choose([BatchLoggingLevel.INFO, BatchLoggingLevel.DEBUG]), { wrong: 2 }),
    outputFileName: prop(choose(['predictions.csv'], [''])),
  }),
});

const scenario = fc.record({
  endpoint: props({ endpointName: prop(choose(['churn-batch'], ['b', '-x'])), description: prop(fc.constantFrom('nightly scoring')) }),
  deployments: fc.array(deployment, { maxLength: 2 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const { stack, workspace } = servingStack();
  const endpoint = new BatchEndpoint(stack, 'batch', { ...s.endpoint, workspace } as any);
  s.deployments.forEach((d, i) => endpoint.addDeployment(d.id, {
    model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, `v${i}`, { version: String(i + 1) })), ...d.options,
  } as any));
  return stack;
}

describe('batch endpoints, fuzzed', () => {
  test('every scenario synthesizes valid bodies (one default deployment at most), or is refused with the library\'s error', () => {
    const tally = new Tally();
    fc.assert(fc.property(scenario, (s) => {
      const o = tally.record(synthOrRefuse(() => build(s)));
      if (!o.template) return;
      const deployments = o.template.resources('azapi_resource').filter(r => r.attributes.type.includes('batchEndpoints/deployments@'));
      expect(deployments).toHaveLength(s.deployments.length);
      const defaults = o.template.resources('azapi_update_resource').map(r => r.attributes.body?.properties?.defaults?.deploymentName).filter(Boolean);
      expect(defaults.length).toBeLessThanOrEqual(1);
    }), FUZZ(150));
    tally.expectBoth();
  });

  test.each([
    ['no computeId', { computeId: undefined }, /computeId \(value: \(not set\)\) is required/],
    ['loggingLevel as "verbose"', { loggingLevel: 'verbose' }, /loggingLevel \(value: "verbose"\) must be a BatchLoggingLevel/],
    ['outputAction in lower case', { outputAction: 'appendrow' }, /Fix: use BatchOutputAction\.APPEND_ROW/],
  ])('a batch deployment with %s is refused with the library\'s error', (_what, options, expected) => {
    const { stack, workspace } = servingStack();
    let error: unknown;
    try {
      new BatchEndpoint(stack, 'batch', { workspace, endpointName: 'churn-batch' }).addDeployment('nightly', {
        model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1' })), computeId: COMPUTE_ID, ...options,
      } as any);
    } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });
});
