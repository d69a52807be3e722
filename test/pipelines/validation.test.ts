import { MlopsValidationError } from '../../lib/core/errors';
import { DEV, PROD, TENANT, pipelinesIn } from './fixtures';

function errorOf(fn: () => unknown): MlopsValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MlopsValidationError);
    return e as MlopsValidationError;
  }
  throw new Error('expected an MlopsValidationError, nothing was thrown');
}

describe('MlopsPipelines input', () => {
  test('when a stack depends on an unknown stack name, the error names it, the construct and the known names', () => {
    const e = errorOf(() => pipelinesIn({ stacks: [{ name: 'ml-dev', stage: 'dev' }, { name: 'ml-prod', stage: 'prod', dependsOn: ['ml-stagin'] }] }));
    expect(e.message).toBe("Invalid props for MlopsPipelines for 'devops/Pipelines': stacks.ml-prod.dependsOn (value: \"ml-stagin\") " +
      'names no stack of this pipeline. Fix: use one of "ml-dev", or declare the stack in stacks');
  });

  test('when stacks depend on each other in a cycle, the error names the cycle', () => {
    const e = errorOf(() => pipelinesIn({
      stacks: [
        { name: 'shared', stage: 'dev' },
        { name: 'ml-dev', stage: 'dev', dependsOn: ['shared', 'ml-prod'] },
        { name: 'ml-prod', stage: 'prod', dependsOn: ['ml-dev'] },
      ],
    }));
    expect(e.message).toContain('stacks (value: ml-dev -> ml-prod -> ml-dev) form a dependency cycle');
    expect(e.message).toContain('Fix: remove one of the dependencies in the cycle (e.g. "ml-prod" on "ml-dev")');
  });

  test('a stack that depends on itself is a cycle of one', () => {
    const e = errorOf(() => pipelinesIn({ stacks: [{ name: 'ml-dev', stage: 'dev', dependsOn: ['ml-dev'] }] }));
    expect(e.message).toContain('stacks (value: ml-dev -> ml-dev) form a dependency cycle');
  });

  test('when a production stage has no approvers, synth fails naming the stage and the fix', () => {
    const e = errorOf(() => pipelinesIn({ stages: [DEV, { ...PROD, approvers: undefined }] }));
    expect(e.message).toMatch(/^Invalid props for MlopsPipelines for 'devops\/Pipelines': stages\.prod\.approvers \(value: \(not set\)\) must name at least one approver: the stage is production/);
    expect(e.message).toContain('Fix: add the origin id of a user or group');
    expect(errorOf(() => pipelinesIn({ stages: [DEV, { ...PROD, approvers: [] }] })).message).toContain('stages.prod.approvers (value: [])');
  });

  test('when a service connection is scoped to nothing, synth fails showing the scope given', () => {
    const e = errorOf(() => pipelinesIn({ stages: [{ ...DEV, azure: { tenantId: TENANT } }, PROD] }));
    expect(e.message).toBe("Invalid props for MlopsPipelines for 'devops/Pipelines': stages.dev.azure " +
      `(value: {"tenantId":"${TENANT}"}) is scoped to nothing: a service connection needs a subscription, a resource group or a management group. ` +
      'Fix: set subscriptionId (and resourceGroupName to narrow it), or managementGroupId');
  });

  test('every problem is reported at once, in one error', () => {
    const e = errorOf(() => pipelinesIn({
      stages: [{ ...DEV, azure: { tenantId: TENANT, resourceGroupName: 'rg', managementGroupId: 'mg' } }, { ...PROD, approvers: [] }],
      stacks: [{ name: 'ml-dev', stage: 'qa' }, { name: 'ml-prod', stage: 'prod', dependsOn: ['nope'] }],
    }));
    expect(e.problems.map(p => p.subject)).toEqual([
      'stages.dev.azure.resourceGroupName', 'stages.dev.azure.managementGroupId', 'stages.prod.approvers', 'stacks.ml-dev.stage', 'stacks.ml-prod.dependsOn',
    ]);
    expect(e.message).toContain('(5 problems)');
  });

  test('a stage that brings its own identity while the library creates them is refused', () => {
    const e = errorOf(() => pipelinesIn({ stages: [DEV, { ...PROD, azure: { ...PROD.azure, clientId: TENANT } }] }));
    expect(e.message).toContain('stages.prod.azure.clientId (value: 00000000-0000-0000-0000-0000000000aa) conflicts with MlopsPipelines.identities');
  });

  test('stack names that collide as YAML ids, duplicate stages and bad smoke-test names are refused', () => {
    const e = errorOf(() => pipelinesIn({
      stages: [DEV, DEV, PROD],
      stacks: [
        { name: 'ml-dev', stage: 'dev' }, { name: 'ml_dev', stage: 'dev' },
        { name: 'ml-prod', stage: 'prod', smokeTests: [{ endpointName: '1bad', workspaceName: 'mlw', resourceGroupName: 'rg' }] },
      ],
    }));
    expect(e.message).toContain('stages[1].name (value: "dev") is declared more than once');
    expect(e.message).toContain('maps to the same pipeline stage id "ml_dev" as "ml-dev"');
    expect(e.message).toContain('stacks.ml-prod.smokeTests[0].endpointName (value: "1bad")');
  });

  test('a Terraform version before 1.11 is refused', () => {
    expect(() => pipelinesIn({ terraformVersion: '1.9.8' })).toThrow(/terraformVersion \(value: "1.9.8"\) must be an exact Terraform version, 1.11.0 or later/);
  });
});
