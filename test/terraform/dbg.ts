import { newEmulator, synthExample } from '/work/main/test/terraform/support';
const ex = process.argv[2];
const t0 = Date.now();
const dir = synthExample(ex);
console.log('synth', Date.now() - t0);
const em = newEmulator(ex);
const stacks = em.load(dir);
console.log('load', Date.now() - t0, em.workDir);
for (const s of stacks) {
  try {
    s.validate(); console.log('validate', s.name, Date.now() - t0);
    const p = s.plan(); console.log('plan', s.name, p.seconds, (p.json.resource_changes||[]).length);
    const a = s.apply(p); console.log('apply', a.seconds);
    const p2 = s.plan(); console.log('plan2', p2.seconds, (p2.json.resource_changes||[]).filter(c => c.change.actions.join() !== 'no-op').map(c => c.address + ':' + c.change.actions));
  } catch (e) { console.log(String((e as Error).message).slice(0, 6000)); process.exit(1); }
}
