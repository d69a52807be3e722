import { describeWithTerraform, exampleApps, newEmulator, synthExample } from './support';

/**
 * Every stack of every example through the real terraform binary: init, validate and plan against the local
 * providers, applied in dependency order into the emulated Azure (so that remote-state reads of later stacks
 * resolve), then planned again, which must find nothing to change.
 */
describeWithTerraform.each(exampleApps())('examples/%s', example => {
  const emulator = newEmulator(example);
  const stacks = emulator.load(synthExample(example));

  test.each(stacks.map(s => [s.name, s] as const))('stack %s validates, plans, applies, and then has nothing to change', (_name, stack) => {
    stack.validate();
    const plan = stack.plan();
    expect(plan.json.resource_changes?.length ?? 0).toBeGreaterThan(0);
    expect(plan.json.resource_changes!.every(c => c.change.actions.join() === 'create' || c.change.actions.join() === 'read')).toBe(true);
    stack.apply(plan);
    const again = stack.plan();
    const pending = (again.json.resource_changes ?? []).filter(c => c.change.actions.join() !== 'no-op' && c.change.actions.join() !== 'read');
    expect(pending.map(c => `${c.address}: ${c.change.actions.join('/')}`)).toEqual([]);
  });
});
