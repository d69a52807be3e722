// Suppressions: accepted on a construct and everything under it, only with a reason, listed (with the reason) in the
// report; a suppressed error does not fail synth, and a suppression nothing matches is reported as unused.
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MlopsValidationError } from '../../lib/core/errors';
import { MlopsProviders } from '../../lib/core/providers';
import { Policy, PolicySuppressions, SecureBaseline } from '../../lib/policy';
import { Registry } from '../../lib/registry';
import { Workspace } from '../../lib/workspace';
import { testStack } from '../support/template';
import { findingsOf, storage } from './support';

test('a suppression on a parent construct covers the resources under it, and the report lists it with its reason', () => {
  const stack = testStack();
  const team = new Construct(stack, 'TeamData');
  const st = storage(team as TerraformStack, 'Open', { publicNetworkAccessEnabled: true });
  PolicySuppressions.add(team, 'MLOPS-ST-1', 'the partner uploads over the internet until its private link is approved');
  const report = Policy.check(stack, new SecureBaseline());
  expect(report.errors).toEqual([]);
  expect(findingsOf(report, 'MLOPS-ST-1', st)).toEqual([expect.objectContaining({
    level: 'error', constructPath: 'test/TeamData/Open',
    suppression: { ruleId: 'MLOPS-ST-1', reason: 'the partner uploads over the internet until its private link is approved', constructPath: 'test/TeamData' },
  })]);
  expect(report.renderTable()).toContain('the partner uploads over the internet until its private link is approved (on test/TeamData)');
});

test('a suppression of one rule leaves the other rules in force', () => {
  const stack = testStack();
  const st = storage(stack, 'Open', { publicNetworkAccessEnabled: true, sharedAccessKeyEnabled: true });
  PolicySuppressions.add(st, 'MLOPS-ST-1', 'the partner uploads over the internet until its private link is approved');
  expect(Policy.check(stack, new SecureBaseline()).errors.map(f => f.ruleId)).toEqual(['MLOPS-ST-2']);
});

test('a suppression needs a reason of at least 10 characters and an existing rule id, or the library refuses it', () => {
  const stack = testStack();
  const st = storage(stack, 'Open');
  expect(() => PolicySuppressions.add(st, 'MLOPS-ST-1', '  ')).toThrow(MlopsValidationError);
  expect(() => PolicySuppressions.add(st, 'MLOPS-ST-1', 'because')).toThrow(/reason \(value: "because"\) must say, in at least 10 characters/);
  expect(() => PolicySuppressions.add(st, 'MLOPS-ST-99', 'a reason that is long enough')).toThrow(/ruleId \(value: "MLOPS-ST-99"\) must be the id of a policy rule/);
  expect(() => PolicySuppressions.add(st, 'mlops-st-1', 'a reason that is long enough')).toThrow(/Fix: use "MLOPS-ST-1" \(rule ids are upper case\)/);
  expect(PolicySuppressions.of(st)).toEqual([]);
});

test('a suppression that matches no finding is listed as unused', () => {
  const stack = testStack();
  const st = storage(stack, 'Closed');
  PolicySuppressions.add(st, 'MLOPS-ST-1', 'kept from before the account was closed');
  const report = Policy.check(stack, new SecureBaseline());
  expect(report.unusedSuppressions).toEqual([{ ruleId: 'MLOPS-ST-1', reason: 'kept from before the account was closed', constructPath: 'test/Closed' }]);
  expect(report.renderTable()).toContain('Unused suppressions');
});

test('a suppressed error does not fail synth; the same finding unsuppressed does', () => {
  const build = (suppress: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'own');
    MlopsProviders.configure(stack);
    const st = storage(stack, 'Open', { publicNetworkAccessEnabled: true });
    if (suppress) PolicySuppressions.add(st, 'MLOPS-ST-1', 'the partner uploads over the internet until its private link is approved');
    Aspects.of(stack).add(new SecureBaseline());
    return stack;
  };
  expect(() => Testing.fullSynth(build(true))).not.toThrow();
  expect(() => Testing.fullSynth(build(false))).toThrow(MlopsValidationError);
});

test('the Workspace records its one documented exception: storage open to "selected networks" for a registry (MLOPS-ST-1)', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'dev');
  MlopsProviders.configure(stack);
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-dev', location: 'westeurope' });
  const workspace = new Workspace(stack, 'Workspace', { resourceGroup: rg, prefix: 'churn', environment: 'dev' });
  const before = Policy.check(stack, new SecureBaseline());
  expect(before.errors).toEqual([]);
  expect(before.suppressed).toEqual([]);
  const registry = new Registry(stack, 'Registry', { name: 'mlr-contoso', resourceGroupId: rg.id, location: 'westeurope' });
  workspace.allowRegistryInstance(registry.registryId);
  const after = Policy.check(stack, new SecureBaseline());
  expect(after.errors).toEqual([]);
  expect(after.suppressed).toEqual([expect.objectContaining({
    ruleId: 'MLOPS-ST-1', constructPath: 'dev/Workspace/Storage', value: 'true',
    suppression: expect.objectContaining({ reason: expect.stringContaining('Azure refuses to share workspace versions into a registry') }),
  })]);
});
