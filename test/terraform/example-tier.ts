import type { EmulatedStack } from '../../tools/terraform-emulator/src/harness';
import * as path from 'path';
import { EXISTING_RESOURCES } from './existing-resources';
import { describeWithTerraform, newEmulator, synthScript, tierApps } from './support';

/**
 * Every stack of every example through the real terraform binary: init, validate and plan against the local
 * providers, applied in dependency order into the emulated Azure (so that remote-state reads of later stacks
 * resolve), then planned again, which must find nothing to change. Each example gets an Azure of its own: the
 * examples are alternatives, not one estate. `part` of `parts`: the apps are shared among test files, which jest runs
 * in parallel.
 */
export function defineExampleTier(part: number, parts: number): void {
  describeWithTerraform.each(tierApps().filter((_app, i) => i % parts === part))('%s', main => {
    let stacks: EmulatedStack[];
    beforeAll(() => {
      const emulator = newEmulator(path.basename(path.dirname(main)));
      emulator.assumeExisting(EXISTING_RESOURCES[main] ?? []);
      stacks = emulator.load(synthScript(main));
    });

    test('every stack validates, plans only creates, applies in dependency order, and then has nothing to change', () => {
      expect(stacks.length).toBeGreaterThan(0);
      for (const stack of stacks) {
        stack.validate();
        const plan = stack.plan();
        const actions = (plan.json.resource_changes ?? []).map(c => `${c.address}: ${c.change.actions.join('/')}`);
        expect({ stack: stack.name, unexpected: actions.filter(a => !a.endsWith(': create') && !a.endsWith(': read')) }).toEqual({ stack: stack.name, unexpected: [] });
        expect(actions.length).toBeGreaterThan(0);
        stack.apply(plan);
        const again = stack.planChanges();
        expect({ stack: stack.name, pending: again }).toEqual({ stack: stack.name, pending: [] });
      }
    });
  });
}
