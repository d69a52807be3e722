// The library's own output passes its packs: every stack of every example (examples/*/main.ts builds these apps),
// synthesized as `cdktf synth` does with the packs applied as Aspects, has no error-level finding. Production stacks
// get all three packs; the throwaway examples (quickstart, workspace-private: Protection.DEVELOPMENT, one instance;
// and from-yaml, a demo of the loaders) get SecureBaseline, which every stack must pass.
import * as fs from 'fs';
import * as path from 'path';
import { Aspects, App, TerraformStack } from 'cdktf';
import { BlueGreenStack } from '../../examples/blue-green/main';
import { buildDevOpsExample } from '../../examples/devops/app';
import { EstateStack } from '../../examples/estate/stack';
import { FromYamlStack } from '../../examples/from-yaml/stack';
import { ModelRegistryStack } from '../../examples/model-registry/stack';
import { buildPlatformApp } from '../../examples/platform/app';
import { QuickstartStack } from '../../examples/quickstart/stack';
import { MinimalWorkspaceStack } from '../../examples/workspace-private/minimal';
import { WorkspacePrivateStack } from '../../examples/workspace-private/stack';
import { Policy, SecureBaseline } from '../../lib/policy';
import { POLICY_REPORT_JSON } from '../../lib/policy/report';
import { freshApp, Json } from '../support/stacks';
import { ALL_PACKS } from './support';

/** Stacks that are throwaway on purpose: only the secure baseline applies to them. */
const NOT_PRODUCTION = new Set(['quickstart', 'workspace-private', 'workspace-minimal', 'from-yaml']);

const EXAMPLES: Record<string, (app: App) => void> = {
  'platform': app => buildPlatformApp(app),
  'devops': app => buildDevOpsExample(app),
  'estate': app => new EstateStack(app, 'churn-prod', { lockFile: 'examples/estate/asset-versions.lock.json' }),
  'model-registry': app => new ModelRegistryStack(app, 'model-registry', { lockFile: 'examples/model-registry/asset-versions.lock.json' }),
  'quickstart': app => new QuickstartStack(app, 'quickstart'),
  'workspace-private': app => {
    new WorkspacePrivateStack(app, 'workspace-private');
    new MinimalWorkspaceStack(app, 'workspace-minimal');
  },
  'blue-green': app => new BlueGreenStack(app, 'blue-green'),
  'from-yaml': app => new FromYamlStack(app, 'from-yaml'),
};

test('the table covers every example folder', () => {
  const folders = fs.readdirSync(path.join(__dirname, '..', '..', 'examples'), { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name);
  expect(Object.keys(EXAMPLES).sort()).toEqual(folders.sort());
});

describe.each(Object.entries(EXAMPLES))('examples/%s', (name, build) => {
  let reports: Record<string, Json>;
  let configs: Record<string, Json>;
  let stacks: TerraformStack[];
  beforeAll(() => {
    const ci = process.env.CI;
    process.env.CI = 'true'; // lock files are verified, as in CI
    try {
      const app = freshApp(`policy-${name}`);
      build(app);
      stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
      for (const stack of stacks) {
        const packs = NOT_PRODUCTION.has(stack.node.id) ? [new SecureBaseline()] : ALL_PACKS();
        packs.forEach(p => Aspects.of(stack).add(p));
      }
      app.synth(); // throws the library's error on any error-level finding
      const dir = path.join(app.outdir, 'stacks');
      reports = Object.fromEntries(fs.readdirSync(dir).map(s => [s, JSON.parse(fs.readFileSync(path.join(dir, s, POLICY_REPORT_JSON), 'utf8'))]));
      configs = Object.fromEntries(fs.readdirSync(dir).map(s => [s, JSON.parse(fs.readFileSync(path.join(dir, s, 'cdk.tf.json'), 'utf8'))]));
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  test('every stack has a report with no error-level finding, and the packs read its resources', () => {
    for (const [stack, report] of Object.entries(reports)) {
      expect({ stack, errors: report.findings.filter((f: Json) => f.level === 'error') }).toEqual({ stack, errors: [] });
      expect(report.packs).toContain('SecureBaseline');
      if (!NOT_PRODUCTION.has(stack)) expect(report.packs).toEqual(expect.arrayContaining(['DataProtection', 'ProductionReadiness']));
      expect(report.resourcesChecked).toBeGreaterThan(0);
    }
  });

  test('online endpoints and registries have their resource logs, and registries their delete lock (no MLOPS-LOG-1 or MLOPS-DP-5 on them, whatever packs the stack gets)', () => {
    const ML_TYPES = /^Microsoft\.MachineLearningServices\/(registries|workspaces\/onlineEndpoints)@/i;
    let seen = 0;
    for (const stack of stacks) {
      const azapi = configs[stack.node.id].resource?.azapi_resource ?? {};
      const covered = new Set(Object.keys(azapi).filter(k => ML_TYPES.test(azapi[k].type)).map(k => `azapi_resource.${k}`));
      seen += covered.size;
      // All three packs, also on the throwaway stacks (whose synth ran SecureBaseline only).
      const report = Policy.check(stack, ...ALL_PACKS());
      const open = [...report.findings, ...report.suppressed]
        .filter(f => ['MLOPS-LOG-1', 'MLOPS-DP-5'].includes(f.ruleId) && covered.has(f.address))
        .map(f => `${f.ruleId} ${f.constructPath}`);
      expect({ stack: stack.node.id, open }).toEqual({ stack: stack.node.id, open: [] });
    }
    // The check looked at something where there is something to look at.
    if (!['devops', 'workspace-private'].includes(name)) expect(seen).toBeGreaterThan(0);
  });

  test('every suppression in the output carries its reason', () => {
    for (const report of Object.values(reports)) {
      for (const f of report.suppressed) expect(f.suppression.reason.length).toBeGreaterThanOrEqual(10);
    }
  });
});
