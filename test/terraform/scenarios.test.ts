import * as fs from 'fs';
import { type EmulatedStack, TerraformEmulator } from '../../tools/terraform-emulator/src/harness';
import { BASE, buildServingApp, type ServingAppOptions } from './apps';
import { addressOf, after, changes, planAndApply, succeeds } from './plans';
import { describeWithTerraform, newEmulator, synthApp } from './support';

/**
 * The serving lifecycle through real applies: one estate (workspace, model versions, an online endpoint with blue,
 * green and a mirrored shadow) synthesized with the library, applied, then changed one step at a time; each step is
 * re-synthesized, planned against the same state and the same emulated Azure, checked on `terraform show -json` of
 * its plan, and applied. The steps are ordered: each starts from the estate the previous one left.
 */
describeWithTerraform('serving lifecycle through real applies', () => {
  let emulator: TerraformEmulator;
  let stack: EmulatedStack;

  /** Re-synthesizes the app with `options` into the same stack (same state, same emulated Azure). */
  const resynth = (options: ServingAppOptions) => {
    [stack] = emulator.load(synthApp(buildServingApp(options)));
    return stack;
  };
  /** The online endpoint as the emulated Azure holds it now. */
  const endpointInAzure = () => {
    const cloud = JSON.parse(fs.readFileSync(emulator.cloudFile, 'utf8')) as { resources: Record<string, any> };
    return Object.values(cloud.resources).find(r => r.type === 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints');
  };
  const deploymentsInAzure = () => {
    const cloud = JSON.parse(fs.readFileSync(emulator.cloudFile, 'utf8')) as { resources: Record<string, any> };
    return Object.values(cloud.resources).filter(r => r.type === 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments').map(r => r.name).sort();
  };
  const trafficOf = (plan: Parameters<typeof changes>[0]) => after(plan, addressOf(plan, 'azapi_update_resource', 'Endpoint_Traffic')).body.properties;

  beforeAll(() => {
    emulator = newEmulator('scenarios');
  });

  test('1. the base estate applies: only creates, blue/green at 90/10 with a 20 % mirror to shadow, and then nothing to change', () => {
    resynth(BASE);
    const plan = planAndApply(stack);
    expect(changes(plan).every(a => a.endsWith(': create'))).toBe(true);
    expect(changes(plan)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^azapi_resource\.Workspace_[0-9A-F]{8}: create$/),
      expect.stringMatching(/^azapi_resource\.Workspace_churn_3_[0-9A-F]{8}: create$/),
      expect.stringMatching(/^azapi_resource\.Endpoint_blue_[0-9A-F]{8}: create$/),
      expect.stringMatching(/^azapi_resource\.Endpoint_green_[0-9A-F]{8}: create$/),
      expect.stringMatching(/^azapi_update_resource\.Endpoint_Traffic_[0-9A-F]{8}: create$/),
    ]));
    expect(endpointInAzure().body.properties).toMatchObject({ traffic: { blue: 90, green: 10, shadow: 0 }, mirrorTraffic: { shadow: 20 } });
    expect(changes(succeeds(() => stack.plan()))).toEqual([]);
  });

  test('2. a canary rollout (90/10 → 50/50 → 0/100) only updates the traffic patch; no deployment is replaced', () => {
    for (const [blue, green] of [[50, 50], [0, 100]]) {
      resynth({ ...BASE, traffic: { blue, green, shadow: 0 } });
      const plan = planAndApply(stack);
      expect(changes(plan)).toEqual([`${addressOf(plan, 'azapi_update_resource', 'Endpoint_Traffic')}: update`]);
      expect(trafficOf(plan).traffic).toEqual({ blue, green, shadow: 0 });
      expect(endpointInAzure().body.properties.traffic).toEqual({ blue, green, shadow: 0 });
    }
  });

  test('3. a rollback to blue 100 is a one-line change and one update', () => {
    resynth({ ...BASE, traffic: { blue: 100, green: 0, shadow: 0 } });
    const plan = planAndApply(stack);
    expect(changes(plan)).toEqual([`${addressOf(plan, 'azapi_update_resource', 'Endpoint_Traffic')}: update`]);
    expect(endpointInAzure().body.properties.traffic).toEqual({ blue: 100, green: 0, shadow: 0 });
  });

  test('5. a new model version is one create; nothing is replaced', () => {
    resynth({ ...BASE, traffic: { blue: 100, green: 0, shadow: 0 }, versions: [...BASE.versions, { version: '6' }] });
    const plan = planAndApply(stack);
    expect(changes(plan)).toEqual([`${addressOf(plan, 'azapi_resource', 'Workspace_churn_6')}: create`]);
  });

  const AFTER_ROLLBACK: ServingAppOptions = { ...BASE, traffic: { blue: 100, green: 0, shadow: 0 }, versions: [...BASE.versions, { version: '6' }] };

  test('4a. retiring a deployment in two applies: weight and mirror to 0, then removal; both apply', () => {
    // Apply 1: shadow retired, no mirror: only the traffic patch changes.
    resynth({ ...AFTER_ROLLBACK, mirror: undefined, deployments: [{ name: 'blue', version: '3' }, { name: 'green', version: '4' }, { name: 'shadow', version: '5', retired: true }] });
    const first = planAndApply(stack);
    expect(changes(first)).toEqual([`${addressOf(first, 'azapi_update_resource', 'Endpoint_Traffic')}: update`]);
    expect(endpointInAzure().body.properties.mirrorTraffic).toEqual({ blue: 0, green: 0, shadow: 0 });

    // Apply 2: shadow removed from the code: the deployment is deleted and the patch no longer lists it. Terraform
    // deletes shadow before it updates the patch; a deleted deployment leaves the endpoint's traffic maps, so the
    // patch (which azapi_update_resource merges into the endpoint it reads) names only what exists.
    resynth({ ...AFTER_ROLLBACK, mirror: undefined, traffic: { blue: 100, green: 0 }, deployments: [{ name: 'blue', version: '3' }, { name: 'green', version: '4' }] });
    const second = succeeds(() => stack.plan());
    const traffic = addressOf(second, 'azapi_update_resource', 'Endpoint_Traffic');
    expect(changes(second)).toEqual([`${addressOf(second, 'azapi_resource', 'Endpoint_shadow')}: delete`, `${traffic}: update`].sort());
    expect(trafficOf(second)).toEqual({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { blue: 0, green: 0 } });
    succeeds(() => stack.apply(second));
    expect(deploymentsInAzure()).toEqual(['blue', 'green']);
    expect(endpointInAzure().body.properties.traffic).toEqual({ blue: 100, green: 0 });
    expect(changes(succeeds(() => stack.plan()))).toEqual([]);
  });

  test('6. the work folder reopened by a new emulator (a new process) keeps its state: nothing to change', () => {
    // `init -reconfigure` on the reopened folder once truncated the local state to 0 bytes, so the next plan wanted
    // to create every resource again; a plain `init` keeps the backend and its state.
    const reopened = new TerraformEmulator({ workDir: emulator.workDir });
    const [again] = reopened.load(synthApp(buildServingApp({ ...AFTER_ROLLBACK, mirror: undefined, traffic: { blue: 100, green: 0 }, deployments: [{ name: 'blue', version: '3' }, { name: 'green', version: '4' }] })));
    expect(again.planChanges()).toEqual([]);
  });
});
