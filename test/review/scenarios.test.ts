// Review scenarios, each a base/head pair of the platform app synthesized as `cdktf synth` does, asserted on the
// review's JSON and on fragments of its Markdown.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, writeMoves } from '../../lib/review/cli';
import { compareManifests } from '../../lib/review/compare';
import { renderReviewMarkdown } from '../../lib/review/markdown';
import { ReviewResult } from '../../lib/review/result';
import { StackManifest } from '../../lib/review/schema';
import { readSynthDir } from '../../lib/review/synth-dir';
import { platformManifests, PlatformVariant, synthPlatform, V1_ON_BLUE } from '../fixtures/review/platform';

const V2 = { version: '2', metrics: { auc: 0.91, loss: 0.29 } };
const TWO_VERSIONS = [...V1_ON_BLUE.versions, V2];
const CANARY: PlatformVariant = {
  versions: TWO_VERSIONS,
  deployments: [{ name: 'blue', version: '1', traffic: 90 }, { name: 'green', version: '2', traffic: 10 }],
};
const GREEN_AT_100: PlatformVariant = {
  versions: TWO_VERSIONS,
  deployments: [{ name: 'blue', version: '1', traffic: 0 }, { name: 'green', version: '2', traffic: 100 }],
};

const cache = new Map<string, StackManifest[]>();
function manifests(v: PlatformVariant): StackManifest[] {
  const key = JSON.stringify(v);
  if (!cache.has(key)) cache.set(key, platformManifests(v));
  return cache.get(key)!;
}

function review(base: PlatformVariant, head: PlatformVariant): { json: ReviewResult; md: string } {
  const json = compareManifests(manifests(base), manifests(head));
  return { json, md: renderReviewMarkdown(json) };
}

function endpoint(r: ReviewResult) {
  return r.stacks.find(s => s.stack === 'prod')!.endpoints.find(e => e.name === 'churn-contoso-prod')!;
}

function row(r: ReviewResult, deployment: string) {
  return endpoint(r).traffic.find(t => t.deployment === deployment)!;
}

describe('the manifest', () => {
  test('every synth writes mlops-manifest.json beside cdk.tf.json, with versions, endpoints and stateful resources', () => {
    const dir = synthPlatform(CANARY);
    const prod = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'prod', 'mlops-manifest.json'), 'utf8'));
    expect(prod).toMatchObject({ schema: 'cdktf-azure-mlops/manifest', schemaVersion: 1, stack: 'prod' });
    expect(prod.endpoints[0]).toMatchObject({
      kind: 'online', name: 'churn-contoso-prod',
      traffic: [{ deployment: 'blue', percent: 90 }, { deployment: 'green', percent: 10 }],
      deployments: [
        { name: 'blue', modelVersion: 'model:mlr-contoso/churn/1', instanceType: 'Standard_F4s_v2', instanceCount: 1 },
        { name: 'green', modelVersion: 'model:mlr-contoso/churn/2' },
      ],
    });
    expect(prod.resources).toContainEqual(expect.objectContaining({
      type: 'azurerm_storage_account', name: 'stchurnprod01', stateful: true, globallyUnique: true, protected: true,
    }));
    const shared = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'shared', 'mlops-manifest.json'), 'utf8'));
    expect(shared.versions).toContainEqual(expect.objectContaining({
      kind: 'model', name: 'churn', version: '2', location: { kind: 'registry', name: 'mlr-contoso' },
      metrics: { auc: 0.91, loss: 0.29 }, stage: 'Production', archived: false, protected: true,
    }));
    const dev = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'dev', 'mlops-manifest.json'), 'utf8'));
    expect(dev.versions).toContainEqual(expect.objectContaining({
      name: 'churn', version: '1', location: { kind: 'workspace', name: 'mlw-churn-dev' },
      lineage: { trainingJob: 'train-churn-1' },
      content: JSON.stringify({ modelType: 'mlflow_model', source: 'job-output', uri: 'azureml://jobs/train-churn-1/outputs/artifacts/paths/model' }),
    }));
  });

  test('a synth without manifests (made before they existed) is read from its cdk.tf.json alike', () => {
    const dir = synthPlatform(CANARY);
    const withManifest = readSynthDir(dir);
    for (const s of ['shared', 'dev', 'prod']) fs.rmSync(path.join(dir, 'stacks', s, 'mlops-manifest.json'));
    expect(JSON.parse(JSON.stringify(readSynthDir(dir)))).toEqual(JSON.parse(JSON.stringify(withManifest)));
  });
});

describe('traffic changes', () => {
  test('a canary rollout: the new version takes 10%, its metrics beside the version taking most traffic now', () => {
    const { json, md } = review(V1_ON_BLUE, CANARY);
    expect(json.blocking).toBe(0);
    expect(endpoint(json).rollout).toBe('canary');
    expect(row(json, 'blue')).toMatchObject({ before: 100, after: 90 });
    expect(row(json, 'green')).toMatchObject({ before: 0, after: 10, modelVersion: 'model:mlr-contoso/churn/2' });
    expect(endpoint(json).deployments).toEqual([{ name: 'green', change: 'added', detail: 'mlr-contoso/churn/2 on Standard_F4s_v2 × 1' }]);
    const added = json.stacks.find(s => s.stack === 'shared')!.versions[0];
    expect(added).toMatchObject({ change: 'added', key: 'model:mlr-contoso/churn/2', comparedWith: 'model:mlr-contoso/churn/1' });
    expect(md).toContain('#### Online endpoint `churn-contoso-prod` — canary');
    expect(md).toContain('| blue | mlr-contoso/churn/1 | 100% → **90%** |');
    expect(md).toContain('| green | mlr-contoso/churn/2 | 0% → **10%** |');
    expect(md).toContain('ep -->|"0% → 10%"| d_green["green"]');
    expect(md).toContain('No blocking hazard.');
  });

  test('promoting the canary to 100%', () => {
    const { json, md } = review(CANARY, GREEN_AT_100);
    expect(json.blocking).toBe(0);
    expect(endpoint(json).rollout).toBe('promotion');
    expect(row(json, 'green')).toMatchObject({ before: 10, after: 100 });
    expect(md).toContain('— promotion');
    expect(md).toContain('| blue | mlr-contoso/churn/1 | 90% → **0%** |');
  });

  test('a rollback: traffic goes back to the deployment serving the older version', () => {
    const { json, md } = review(GREEN_AT_100, { ...GREEN_AT_100, deployments: [{ name: 'blue', version: '1', traffic: 100 }, { name: 'green', version: '2', traffic: 0 }] });
    expect(json.blocking).toBe(0);
    expect(endpoint(json).rollout).toBe('rollback');
    expect(md).toContain('— rollback');
    expect(md).toContain('| green | mlr-contoso/churn/2 | 100% → **0%** |');
  });

  test('aborting a canary is a rollback too', () => {
    expect(endpoint(review(CANARY, { ...CANARY, deployments: [{ name: 'blue', version: '1', traffic: 100 }, { name: 'green', version: '2', traffic: 0 }] }).json).rollout).toBe('rollback');
  });
});

describe('removing deployments', () => {
  test('retiring a deployment in two steps is allowed: weight to 0 first, removal after', () => {
    const step1 = review(CANARY, GREEN_AT_100);
    expect(step1.json.blocking).toBe(0);
    const step2 = review(GREEN_AT_100, { versions: TWO_VERSIONS, deployments: [{ name: 'green', version: '2', traffic: 100 }] });
    expect(step2.json.blocking).toBe(0);
    expect(step2.json.hazards.filter(h => h.rule === 'live-deployment-removed')).toEqual([]);
    expect(endpoint(step2.json).deployments).toEqual([{ name: 'blue', change: 'removed', detail: 'mlr-contoso/churn/1 on Standard_F4s_v2 × 1' }]);
    expect(step2.md).toContain('| blue | removed |');
  });

  test('removing a deployment under the production workspace lock warns that Azure will refuse the delete, naming the fix', () => {
    const step1 = review(CANARY, GREEN_AT_100);
    expect(step1.json.hazards.filter(h => h.rule === 'deleted-under-lock')).toEqual([]);
    const step2 = review(GREEN_AT_100, { versions: TWO_VERSIONS, deployments: [{ name: 'green', version: '2', traffic: 100 }] });
    const underLock = step2.json.hazards.filter(h => h.rule === 'deleted-under-lock');
    expect(underLock.map(h => h.level)).toEqual(['warning']);
    expect(underLock[0].message).toMatch(/^azapi_resource blue is deleted under the management lock azurerm_management_lock\.Workspace_Lock_.*409 ScopeLocked/);
    expect(underLock[0].fix).toContain('lockWorkspace: false');
    expect(step2.json.blocking).toBe(0);
  });

  test('removing a live deployment in one step is blocked, naming the two-step fix', () => {
    const { json, md } = review(CANARY, { versions: TWO_VERSIONS, deployments: [{ name: 'green', version: '2', traffic: 100 }] });
    expect(json.blocking).toBe(1);
    expect(json.hazards[0]).toMatchObject({
      id: 'live-deployment-removed:prod:churn-contoso-prod/blue', level: 'blocking', stack: 'prod',
      fix: expect.stringContaining('first set its traffic share to 0 and apply, then remove the deployment'),
    });
    expect(md).toContain('**1 blocking hazard**');
    expect(md).toContain("ReviewAcknowledgement.acknowledge(prod, 'live-deployment-removed:prod:churn-contoso-prod/blue', '<why this is safe>');");
  });

  test('removing a deployment that takes mirror traffic is blocked', () => {
    const base: PlatformVariant = { versions: TWO_VERSIONS, deployments: [{ name: 'blue', version: '1', traffic: 100 }, { name: 'shadow', version: '2', traffic: 0, mirror: 20 }] };
    const { json, md } = review(base, { versions: TWO_VERSIONS, deployments: [{ name: 'blue', version: '1', traffic: 100 }] });
    expect(json.hazards.map(h => h.id)).toContain('live-deployment-removed:prod:churn-contoso-prod/shadow');
    expect(md).toContain('20% of mirror traffic');
  });

  test('an acknowledgement in the stack\'s code lets the review pass, and shows its reason', () => {
    const reason = 'blue served a model withdrawn by legal; a short outage of its 90% is accepted';
    const { json, md } = review(CANARY, {
      versions: TWO_VERSIONS, deployments: [{ name: 'green', version: '2', traffic: 100 }],
      acknowledge: [['live-deployment-removed:prod:churn-contoso-prod/blue', reason]],
    });
    expect(json.blocking).toBe(0);
    expect(json.hazards[0]).toMatchObject({ id: 'live-deployment-removed:prod:churn-contoso-prod/blue', acknowledged: reason });
    expect(md).toContain(`(acknowledged: ${reason})`);
    expect(md).toContain('No open blocking hazard (1 acknowledged).');
  });

  test('an acknowledgement that matches no hazard is reported as stale', () => {
    const { json } = review(V1_ON_BLUE, { ...V1_ON_BLUE, acknowledge: [['stateful-destroyed:prod:azurerm_storage_account.X', 'this was for an earlier change']] });
    expect(json.hazards).toEqual([expect.objectContaining({ rule: 'stale-acknowledgement', level: 'info' })]);
  });
});

describe('versions', () => {
  test('a new version with better and worse metrics: deltas side by side, a warning for the regression', () => {
    const mixed = { version: '2', metrics: { auc: 0.91, loss: 0.35, f1: 0.7 } };
    const { json, md } = review(V1_ON_BLUE, { versions: [...V1_ON_BLUE.versions, mixed], deployments: V1_ON_BLUE.deployments });
    const added = json.stacks.find(s => s.stack === 'shared')!.versions[0];
    expect(added.metrics).toEqual([
      { name: 'auc', value: 0.91, incumbent: 0.88, delta: 0.03, better: true },
      { name: 'f1', value: 0.7, incumbent: undefined },
      { name: 'loss', value: 0.35, incumbent: 0.31, delta: 0.04, better: false },
    ]);
    expect(json.blocking).toBe(0);
    expect(json.hazards).toEqual([expect.objectContaining({ id: 'metric-regression:shared:model:mlr-contoso/churn/2', level: 'warning' })]);
    expect(md).toContain('| auc | 0.91 | 0.88 | +0.03 ✅ better |');
    expect(md).toContain('| loss | 0.35 | 0.31 | +0.04 🔻 worse |');
    expect(md).toContain('| f1 | 0.7 | — | — |');
  });

  test('changing the content of a released version is blocked, in the workspace and in the registry it was promoted to', () => {
    const { json, md } = review(V1_ON_BLUE, { ...V1_ON_BLUE, versions: [{ ...V1_ON_BLUE.versions[0], job: 'train-churn-1-retry' }] });
    expect(json.hazards.filter(h => h.level === 'blocking').map(h => h.id)).toEqual([
      'version-content-changed:dev:model:mlw-churn-dev/churn/1',
      'version-content-changed:shared:model:mlr-contoso/churn/1',
    ]);
    expect(json.blocking).toBe(2);
    expect(md).toContain('declare a new version number for the new content');
    expect(json.stacks.find(s => s.stack === 'shared')!.versions[0]).toMatchObject({ change: 'content-changed', key: 'model:mlr-contoso/churn/1' });
  });

  test('removing a registry version is blocked: its number can never be reused', () => {
    const { json } = review(CANARY, { ...CANARY, versions: [V1_ON_BLUE.versions[0]], deployments: V1_ON_BLUE.deployments });
    expect(json.hazards.map(h => `${h.level} ${h.id}`)).toEqual(expect.arrayContaining([
      'blocking registry-version-removed:shared:model:mlr-contoso/churn/2',
      'blocking live-deployment-removed:prod:churn-contoso-prod/green',
    ]));
  });
});

describe('refactors', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-moves-'));

  for (const [title, refactor] of [
    ['a renamed workspace', { workspaceId: 'MlWorkspace' }],
    ['a re-nested workspace', { nestWorkspaceIn: 'Ml' }],
  ] as const) {
    test(`${title}: moves found and blocked until declared; with the moves file, moved blocks are emitted and nothing is destroyed`, () => {
      const before = review(V1_ON_BLUE, { ...V1_ON_BLUE, ...refactor });
      const prod = before.json.stacks.find(s => s.stack === 'prod')!;
      expect(prod.resources.filter(r => r.change === 'destroyed')).toEqual([]);
      const movedStateful = prod.resources.filter(r => r.change === 'moved' && r.stateful);
      expect(movedStateful.map(r => r.name).sort()).toEqual([
        'appi-churn-prod', 'crchurnprod01', 'kv-churn-prod-01', 'log-churn-prod', 'mlw-churn-prod', 'model-artifacts', 'stchurnprod01',
      ]);
      expect(before.json.blocking).toBe(movedStateful.length);
      expect(before.json.hazards.every(h => h.rule === 'stateful-moved')).toBe(true);
      expect(before.md).toContain('### Moves to declare');
      expect(before.md).toMatch(/MovedResources\.move\(prod, 'azurerm_storage_account\.Workspace_Storage_21DB628F', 'azurerm_storage_account\.\w+'\);/);

      const file = path.join(tmp, `${refactor.workspaceId ?? refactor.nestWorkspaceIn}.json`);
      writeMoves(file, before.json.moves);
      const headDir = synthPlatform({ ...V1_ON_BLUE, ...refactor, movesFile: file });
      const tf = JSON.parse(fs.readFileSync(path.join(headDir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8'));
      expect(tf.moved).toContainEqual({ from: 'azurerm_storage_account.Workspace_Storage_21DB628F', to: expect.stringMatching(/^azurerm_storage_account\./) });
      expect(tf.moved).toHaveLength(before.json.moves.length);

      const after = compareManifests(manifests(V1_ON_BLUE), readSynthDir(headDir));
      expect(after.blocking).toBe(0);
      expect(after.moves).toEqual([]);
      const resources = after.stacks.find(s => s.stack === 'prod')!.resources;
      expect(resources.filter(r => r.change !== 'moved')).toEqual([]);
      expect(resources.every(r => r.declared)).toBe(true);
    });
  }

  test('a renamed workspace with default names keeps its globally unique names: the review finds moves, no renamed name', () => {
    // Default names are seeded by prefix, environment, resource group and location, never the construct path.
    const { json } = review({ ...V1_ON_BLUE, explicitNames: false }, { ...V1_ON_BLUE, explicitNames: false, workspaceId: 'MlWorkspace' });
    expect(json.hazards.filter(h => h.rule === 'global-name-changed')).toEqual([]);
    expect(json.hazards.filter(h => h.rule === 'stateful-moved').length).toBeGreaterThan(0);
  });
});

describe('the command line', () => {
  test('review --base <dir> --head <dir> prints Markdown and exits 1 on blocking hazards; --json gives the same for bots', () => {
    const base = synthPlatform(CANARY);
    const head = synthPlatform({ versions: TWO_VERSIONS, deployments: [{ name: 'green', version: '2', traffic: 100 }] });
    let out = '';
    expect(main(['review', '--base', base, '--head', head], s => { out += s; })).toBe(1);
    expect(out).toContain('`live-deployment-removed:prod:churn-contoso-prod/blue`');
    out = '';
    expect(main(['review', '--base', base, '--head', head, '--json'], s => { out += s; })).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ schemaVersion: 1, blocking: 1 });
    expect(main(['review', '--base', base, '--head', base], () => undefined)).toBe(0);
  });

  test('usage errors exit 2', () => {
    let err = '';
    expect(main(['review'], () => undefined, s => { err += s; })).toBe(2);
    expect(err).toContain('Missing --base');
    err = '';
    expect(main(['review', '--base', 'no-such-ref', '--head', '.'], () => undefined, s => { err += s; })).toBe(2);
    expect(err).toContain('--base no-such-ref is neither a synth folder nor a git ref (no-such-ref is not a commit of');
    err = '';
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'review-empty-base-'));
    expect(main(['review', '--base', empty, '--head', '.'], () => undefined, s => { err += s; })).toBe(2);
    expect(err).toContain(`No synth at ${empty}: no `);
  });
});
