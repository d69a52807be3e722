// The user guide's code runs and does what the guide says: each step of docs/model-change.md's loop synthesizes
// (validations, aspects and azapi bodies checked by Template.synth) with the traffic the guide describes.
import { Traffic } from '../../lib/serving';
import { modelChangeApp, Step, STEPS } from '../fixtures/docs/model-change';
import { Template } from '../support/template';

function stepTemplate(step: Step): Template {
  return Template.synth(modelChangeApp(step).stack);
}

/** The endpoint's live traffic as synthesized (the traffic patch Azure applies after the deployments). */
function traffic(t: Template): Record<string, number> {
  const [patch] = t.resources('azapi_update_resource').filter(r => r.attributes.body?.properties?.traffic !== undefined);
  return patch.attributes.body.properties.traffic;
}

const deployments = (t: Template) => t.resources('azapi_resource')
  .filter(r => String(r.attributes.type).includes('onlineEndpoints/deployments')).map(r => r.attributes.name).sort();

describe('docs/model-change.md: the daily loop of a model change', () => {
  test.each([
    ['new-version', { blue: 100 }, ['blue']],
    ['canary', { blue: 90, green: 10 }, ['blue', 'green']],
    ['promote', { blue: 0, green: 100 }, ['blue', 'green']],
    ['rollback', { blue: 100, green: 0 }, ['blue', 'green']],
    ['retire', { blue: 0, green: 100 }, ['blue', 'green']],
    ['remove', { green: 100 }, ['green']],
  ] as const)('step %s synthesizes with traffic %j over %j', (step, expected, names) => {
    const t = stepTemplate(step);
    expect(traffic(t)).toEqual(expected);
    expect(deployments(t)).toEqual(names);
  });

  test('the steps are the loop\'s, in order', () => {
    expect(STEPS).toEqual(['new-version', 'canary', 'promote', 'rollback', 'retire', 'remove']);
  });

  test('a rollback changes only the traffic: the deployments and versions are those of the promotion', () => {
    const strip = (t: Template) => t.resources('azapi_resource').map(r => [r.path, r.attributes.body]);
    expect(strip(stepTemplate('rollback'))).toEqual(strip(stepTemplate('promote')));
  });

  test('after retiring blue, traffic to it fails synth naming the retirement', () => {
    const { stack, endpoint } = modelChangeApp('retire');
    endpoint.routeTraffic(Traffic.split({ blue: 10, green: 90 }));
    expect(() => Template.synth(stack)).toThrow(/traffic\.blue .*sends live traffic to a retired deployment/);
  });
});
