import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { BlueGreenStack } from '../../examples/blue-green/main';
import { Template } from '../support/template';
import { expectValidAzapiBodies } from './fixtures';

const EXAMPLE = path.join(__dirname, '../../examples/blue-green');

describe('examples/blue-green', () => {
  const template = () => Template.synth(new BlueGreenStack(Testing.app(), 'blue-green'));

  test('serves version 3 and 4 at 90/10, with version 5 mirrored, after every deployment exists', () => {
    const t = template();
    const patch = t.resources('azapi_update_resource').find(r => r.path.endsWith('churn-endpoint/Traffic'))!;
    expect(patch.attributes.body.properties).toEqual({
      traffic: { blue: 90, green: 10, shadow: 0 }, mirrorTraffic: { blue: 0, green: 0, shadow: 20 },
    });
    const deployments = ['blue', 'green', 'shadow'].map(name => t.resourceWithProperties('azapi_resource', { name }));
    expect([...patch.attributes.depends_on].sort()).toEqual(deployments.map(d => `azapi_resource.${d.logicalId}`).sort());
    // Production: the two live deployments cannot be destroyed by a refactor; the shadow can.
    expect(deployments.map(d => d.attributes.lifecycle?.prevent_destroy ?? false)).toEqual([true, true, false]);
    expectValidAzapiBodies(t);
  });

  test('the README\'s diffs apply to main.ts: rollout moves everything to green, rollback back to blue', () => {
    const readme = fs.readFileSync(path.join(EXAMPLE, 'README.md'), 'utf8');
    const main = fs.readFileSync(path.join(EXAMPLE, 'main.ts'), 'utf8');
    const diffs = [...readme.matchAll(/```diff\n([\s\S]*?)```/g)].map(m => m[1]);
    expect(diffs).toHaveLength(2);
    let source = main;
    for (const diff of diffs) {
      const removed = diff.split('\n').filter(l => l.startsWith('-')).map(l => l.slice(1));
      const added = diff.split('\n').filter(l => l.startsWith('+')).map(l => l.slice(1));
      expect(source).toContain(removed.join('\n'));
      source = source.replace(removed.join('\n'), added.join('\n'));
    }
    // After both diffs the code is back where it started, with all traffic on blue.
    expect(source).toContain('this.endpoint.routeTraffic(Traffic.allTo(blue));');
  });
});
