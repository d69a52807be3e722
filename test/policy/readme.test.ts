// lib/policy/README.md lists every rule as the code defines it (the table is rendered from the rule objects), and its
// snippets (test/fixtures/readme/policy.ts) do what the README says.
import { TerraformStack } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { renderRuleTable } from '../../lib/policy/docs';
import { Policy } from '../../lib/policy';
import { applyPacks, suppressPartnerDrop, warningsOf } from '../fixtures/readme/policy';
import { readRepoFile } from '../support/readme';
import { freshApp } from '../support/stacks';
import { storage } from './support';

test('the README rule table is the one rendered from the rules (regenerate it from renderRuleTable() when a rule changes)', () => {
  const readme = readRepoFile('lib/policy/README.md');
  const table = /<!-- rules:begin -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1];
  expect(table).toBe(renderRuleTable());
  for (const rule of Policy.rules()) expect(table).toContain(`| ${rule.id} | ${rule.level} |`);
});

test('the README snippets: packs applied to dev and prod, a suppression, the warnings read back after synth', () => {
  const app = freshApp('policy-readme');
  const dev = new TerraformStack(app, 'dev');
  const prod = new TerraformStack(app, 'prod');
  [dev, prod].forEach(s => MlopsProviders.configure(s));
  storage(dev, 'Scratch', { lifecycle: {}, infrastructureEncryptionEnabled: false });
  const partnerDrop = storage(prod, 'PartnerDrop', { publicNetworkAccessEnabled: true, infrastructureEncryptionEnabled: false });
  suppressPartnerDrop(partnerDrop);
  applyPacks(dev, prod);
  app.synth();
  expect(Policy.reportOf(dev)!.packs).toEqual(['SecureBaseline']);
  expect(Policy.reportOf(prod)!.packs).toEqual(['SecureBaseline', 'DataProtection', 'ProductionReadiness']);
  expect(Policy.reportOf(prod)!.suppressed.map(f => f.ruleId)).toEqual(['MLOPS-ST-1']);
  expect(warningsOf(prod)).toEqual([expect.stringMatching(/^MLOPS-DP-5 prod\/PartnerDrop: use Protection.PRODUCTION/), expect.stringMatching(/^MLOPS-ST-7 prod\/PartnerDrop: set infrastructure_encryption_enabled = true/)]);
});
