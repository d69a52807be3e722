import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EmulatedStack, Plan } from '../../tools/terraform-emulator/src/harness';
import { writeMoves } from '../../lib/review/cli';
import { compareManifests } from '../../lib/review/compare';
import { readSynthDir } from '../../lib/review/synth-dir';
import { synthPlatform, V1_ON_BLUE } from '../fixtures/review/platform';
import { describeWithTerraform, newEmulator } from './support';

/**
 * The review's refactor workflow against the real terraform binary: apply the base, rename prod's workspace, write
 * the moves the review found, synthesize the head with MovedResources.fromFile, and plan. Terraform must move state
 * (no destroy, no create of what exists); without the moved blocks the same rename plans destroys.
 */
describeWithTerraform('a renamed workspace, reviewed and moved', () => {
  const actions = (plan: Plan) => (plan.json.resource_changes ?? [])
    .filter(c => !['no-op', 'read'].includes(c.change.actions.join('/')))
    .map(c => `${c.address}: ${c.change.actions.join('/')}`);
  let prodOf: (dir: string) => EmulatedStack;
  let baseDir: string;

  beforeAll(() => {
    const emulator = newEmulator('review-moves');
    baseDir = synthPlatform(V1_ON_BLUE);
    for (const stack of emulator.load(baseDir)) stack.apply(stack.plan());
    prodOf = dir => emulator.load(dir).find(s => s.name === 'prod')!;
  });

  test('without the moved blocks, terraform would destroy the stateful resources (what the review blocks)', () => {
    const head = synthPlatform({ ...V1_ON_BLUE, workspaceId: 'MlWorkspace' });
    expect(compareManifests(readSynthDir(baseDir), readSynthDir(head)).blocking).toBeGreaterThan(0);
    expect(actions(prodOf(head).plan())).toContainEqual(expect.stringMatching(/^azurerm_storage_account\.Workspace_Storage_21DB628F: delete/));
  });

  test('with the moves the review wrote, the plan moves state and destroys nothing', () => {
    const unmoved = synthPlatform({ ...V1_ON_BLUE, workspaceId: 'MlWorkspace' });
    const review = compareManifests(readSynthDir(baseDir), readSynthDir(unmoved));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'moves-')), 'mlops-moves.json');
    writeMoves(file, review.moves);
    const head = synthPlatform({ ...V1_ON_BLUE, workspaceId: 'MlWorkspace', movesFile: file });
    const plan = prodOf(head).plan();
    const moved = (plan.json.resource_changes ?? []).filter(c => c.previous_address);
    expect(moved.length).toBe(review.moves.length);
    expect(actions(plan).filter(a => /delete|create/.test(a))).toEqual([]);
  });
});
