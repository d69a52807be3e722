// The report: written beside cdk.tf.json at every synth (JSON and table), the same as the API returns; on error-level
// findings synth fails with the library's error, one line per finding, and the report is still written.
import * as fs from 'fs';
import * as path from 'path';
import { Aspects, TerraformStack } from 'cdktf';
import { MlopsValidationError } from '../../lib/core/errors';
import { MlopsProviders } from '../../lib/core/providers';
import { DataProtection, Policy, SecureBaseline } from '../../lib/policy';
import { POLICY_REPORT_JSON, POLICY_REPORT_TABLE } from '../../lib/policy/report';
import { freshApp } from '../support/stacks';
import { containerRegistry, keyVault, storage } from './support';

function ownStack(build: (stack: TerraformStack) => void) {
  const app = freshApp('policy-report');
  const stack = new TerraformStack(app, 'own');
  MlopsProviders.configure(stack);
  build(stack);
  Policy.apply(stack, new SecureBaseline(), new DataProtection());
  const dir = path.join(app.outdir, 'stacks', 'own');
  return { app, stack, dir, read: (file: string) => fs.readFileSync(path.join(dir, file), 'utf8') };
}

test('synth writes mlops-policy.json and mlops-policy.txt beside cdk.tf.json, equal to the report the API returns', () => {
  const { app, stack, dir, read } = ownStack(s => {
    storage(s, 'Data', { infrastructureEncryptionEnabled: false });
    keyVault(s, 'Keys');
  });
  app.synth();
  expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
  const report = Policy.reportOf(stack)!;
  expect(read(POLICY_REPORT_JSON)).toBe(report.renderJson());
  expect(read(POLICY_REPORT_TABLE)).toBe(report.renderTable());
  const json = JSON.parse(read(POLICY_REPORT_JSON));
  expect(json).toMatchObject({ version: 1, stack: 'own', packs: ['SecureBaseline', 'DataProtection'], summary: { error: 0 } });
  // The storage account and the Key Vault; the providers' data sources are not resources.
  expect(json.resourcesChecked).toBe(2);
  expect(json.findings).toEqual(expect.arrayContaining([expect.objectContaining({
    ruleId: 'MLOPS-ST-7', level: 'warning', constructPath: 'own/Data', subject: 'infrastructure_encryption_enabled', value: 'false',
  })]));
  // The table: a header line with the counts, then one aligned row per finding.
  const table = read(POLICY_REPORT_TABLE).split('\n');
  expect(table[0]).toMatch(/^Policy report for stack 'own' \(SecureBaseline, DataProtection\): 0 error\(s\), \d+ warning\(s\)/);
  expect(table).toEqual(expect.arrayContaining([expect.stringMatching(/^warning +MLOPS-ST-7 +own\/Data +azurerm_storage_account\.Data +infrastructure_encryption_enabled \(value: false\)/)]));
});

test('error-level findings fail synth with one line per finding: construct path, address, rule id, what, fix', () => {
  const { app, read } = ownStack(s => {
    storage(s, 'Data', { publicNetworkAccessEnabled: true });
    containerRegistry(s, 'Images', { adminEnabled: true });
  });
  let error: unknown;
  try {
    app.synth();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MlopsValidationError);
  const lines = (error as Error).message.split('\n');
  expect(lines[0]).toBe("Invalid resources under policy SecureBaseline, DataProtection for 'own' (2 problems):");
  expect(lines[1]).toBe('  1. own/Images (azurerm_container_registry.Images) admin_enabled (value: true) breaks MLOPS-CR-1: ' +
    'Container registries have the admin user disabled. Fix: remove admin_enabled = true (azapi: properties.adminUserEnabled) and grant AcrPull/AcrPush to identities');
  expect(lines[2]).toMatch(/^ {2}2\. own\/Data \(azurerm_storage_account\.Data\) public_network_access_enabled \(value: true\) breaks MLOPS-ST-1: .* Fix: set public_network_access_enabled = false/);
  expect(lines[3]).toMatch(/PolicySuppressions\.add\(construct, ruleId, reason\)\. Full report: .*mlops-policy\.txt$/);
  // The report is written before synth fails, so the pipeline can publish it.
  expect(JSON.parse(read(POLICY_REPORT_JSON)).summary.error).toBe(2);
});

test('a pack applied to one construct checks only the resources under it', () => {
  const app = freshApp('policy-scope');
  const stack = new TerraformStack(app, 'team');
  MlopsProviders.configure(stack);
  const lone = storage(stack, 'Lone', { sharedAccessKeyEnabled: true });
  storage(stack, 'Ignored', { sharedAccessKeyEnabled: true });
  Aspects.of(lone).add(new SecureBaseline());
  expect(() => app.synth()).toThrow(/team\/Lone/);
  const report = Policy.reportOf(stack)!;
  expect(report.resourcesChecked).toBe(1);
  expect(report.errors.map(f => f.constructPath)).toEqual(['team/Lone']);
});

test('a synth with policy packs renders each stack once, and writes the same cdk.tf.json as without them', () => {
  const build = (withPacks: boolean) => {
    const app = freshApp('policy-render');
    const stack = new TerraformStack(app, 'own');
    MlopsProviders.configure(stack); // also writes the review manifest from the same render
    storage(stack, 'Data');
    keyVault(stack, 'Keys');
    if (withPacks) Policy.apply(stack, new SecureBaseline(), new DataProtection());
    return { app, stack, file: path.join(app.outdir, 'stacks', 'own', 'cdk.tf.json') };
  };
  const plain = build(false);
  plain.app.synth();
  const spy = jest.spyOn(TerraformStack.prototype, 'toTerraform');
  try {
    const packed = build(true);
    const ownBefore = Object.prototype.hasOwnProperty.call(packed.stack, 'toTerraform');
    packed.app.synth();
    expect(spy.mock.calls.filter((_, i) => spy.mock.contexts[i] === packed.stack)).toHaveLength(1);
    expect(fs.readFileSync(packed.file, 'utf8')).toBe(fs.readFileSync(plain.file, 'utf8'));
    expect(Policy.reportOf(packed.stack)!.resourcesChecked).toBe(2);
    // The hand-off is gone once used: the stack renders afresh afterwards.
    expect(Object.prototype.hasOwnProperty.call(packed.stack, 'toTerraform')).toBe(ownBefore);
  } finally {
    spy.mockRestore();
  }
});

test('packs added to the App check every stack, each with its own report', () => {
  const app = freshApp('policy-app');
  const stacks = ['a', 'b'].map(id => {
    const stack = new TerraformStack(app, id);
    MlopsProviders.configure(stack);
    storage(stack, `Data${id}`);
    return stack;
  });
  Policy.apply(app, new SecureBaseline());
  app.synth();
  for (const stack of stacks) {
    expect(Policy.reportOf(stack)).toMatchObject({ stack: stack.node.id, packs: ['SecureBaseline'], resourcesChecked: 1 });
    expect(fs.existsSync(path.join(app.outdir, 'stacks', stack.node.id, POLICY_REPORT_JSON))).toBe(true);
  }
});

test('Policy.apply on an App that holds no stack yet says so, instead of checking nothing', () => {
  expect(() => Policy.apply(freshApp('policy-empty'), new SecureBaseline())).toThrow(/scope \(value: "\(the App\)"\) holds no TerraformStack yet/);
});
