import { DeploymentModel, OnlineEndpoint, Traffic } from '../../lib/serving';
import { ModelStage } from '../../lib/assets/asset-refs';
import { Template } from '../support/template';
import { FakeModelVersion, servingStack, thrownMessage } from './fixtures';

function endpointWith(opts: { greenArchived?: boolean; greenRetired?: boolean } = {}) {
  const { stack, workspace } = servingStack();
  const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
  const v4 = new FakeModelVersion(stack, 'v4', { version: '4', archived: opts.greenArchived });
  const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
  const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
  const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4), retired: opts.greenRetired });
  return { stack, workspace, endpoint, blue, green };
}

const synthError = (stack: Parameters<typeof Template.synth>[0]) => thrownMessage(() => Template.synth(stack));

describe('traffic invariants', () => {
  test('when weights sum to 110, synth fails naming the endpoint, the weights and the rule', () => {
    const { stack, endpoint } = endpointWith();
    endpoint.routeTraffic(Traffic.split({ blue: 90, green: 20 }));
    const msg = synthError(stack);
    expect(msg).toContain("Invalid traffic (endpoint 'churn-prod') for 'test/churn'");
    expect(msg).toContain('traffic (value: blue=90, green=20) weights sum to 110; they must sum to 100');
  });

  test.each([
    [{ blue: 50 }, 'blue=50', 50],
    [{ blue: 60, green: 30 }, 'blue=60, green=30', 90],
  ])('when weights sum to less than 100 (%j), synth fails: the rest of the requests would have nowhere to go', (weights, value, sum) => {
    const { stack, endpoint } = endpointWith();
    endpoint.routeTraffic(Traffic.split(weights));
    expect(synthError(stack)).toContain(`traffic (value: ${value}) weights sum to ${sum}; they must sum to 100`);
  });

  test('weights of 0 everywhere mean no traffic and are accepted', () => {
    const { stack, endpoint } = endpointWith();
    endpoint.routeTraffic(Traffic.split({ blue: 0, green: 0 }));
    expect(() => Template.synth(stack)).not.toThrow();
  });

  test.each([
    [{ blue: 90.5, green: 9.5 }, /traffic\.blue \(value: 90\.5\) must be a whole number\. Fix: use 91/],
    [{ blue: 0.9, green: 0.1 }, /traffic\.blue \(value: 0\.9\) must be a whole number\. Fix: weights are percents: use 90/],
    [{ blue: 120, green: -20 }, /traffic\.blue \(value: 120\) must be between 0 and 100/],
  ])('when a weight is not a whole percentage (%j), synth fails', (weights, expected) => {
    const { stack, endpoint } = endpointWith();
    endpoint.routeTraffic(Traffic.split(weights));
    expect(synthError(stack)).toMatch(expected);
  });

  test('when a canary percent is out of range, synth fails on the percent', () => {
    const { stack, endpoint, blue, green } = endpointWith();
    endpoint.routeTraffic(Traffic.canary(blue, green, 120));
    expect(synthError(stack)).toMatch(/canary percent \(value: 120\) must be between 0 and 100/);
  });

  test('when traffic names a deployment the endpoint does not have, synth fails listing the ones it has', () => {
    const { stack, endpoint } = endpointWith();
    endpoint.routeTraffic(Traffic.split({ blue: 90, purple: 10 }));
    expect(synthError(stack)).toMatch(/traffic\.purple .* names a deployment that is not one of this endpoint's \(blue, green\)/);
  });

  test('when traffic routes to a deployment of another endpoint with the same name, synth fails', () => {
    const { stack, workspace, endpoint } = endpointWith();
    const other = new OnlineEndpoint(stack, 'other', { workspace, endpointName: 'churn-other' });
    const v9 = new FakeModelVersion(stack, 'v9', { version: '9' });
    const foreignBlue = other.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v9) });
    endpoint.routeTraffic(Traffic.allTo(foreignBlue));
    expect(synthError(stack)).toMatch(/'test\/churn'.*traffic\.blue .* names a deployment that is not one of this endpoint's/s);
  });

  test('when live traffic goes to an archived model version, synth fails naming the version', () => {
    const { stack, endpoint, blue, green } = endpointWith({ greenArchived: true });
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    expect(synthError(stack)).toMatch(/traffic\.green \(value: churn:4 \(archived\)\) sends live traffic to an archived model version/);
  });

  test('a model version at stage Archived counts as archived', () => {
    const { stack, workspace } = servingStack();
    const old = new FakeModelVersion(stack, 'v1', { version: '1', stage: ModelStage.ARCHIVED });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('old', { model: DeploymentModel.fromModelVersion(old) })));
    expect(synthError(stack)).toMatch(/archived model version/);
  });

  test('an archived version may stay deployed at weight 0 (the first step of its removal)', () => {
    const { stack, endpoint, blue } = endpointWith({ greenArchived: true });
    endpoint.routeTraffic(Traffic.allTo(blue));
    expect(() => Template.synth(stack)).not.toThrow();
  });

  test('when a retired deployment takes traffic, synth fails with the two-step removal as the fix', () => {
    const { stack, endpoint, blue, green } = endpointWith({ greenRetired: true });
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    const msg = synthError(stack);
    expect(msg).toMatch(/traffic\.green .* sends live traffic to a retired deployment/);
    expect(msg).toMatch(/move its traffic to another deployment first \(weight 0\), apply, then delete green from the code/);
  });

  test('when mirror traffic exceeds 50, synth fails', () => {
    const { stack, endpoint, blue, green } = endpointWith();
    endpoint.routeTraffic(Traffic.allTo(blue));
    endpoint.mirror(green, 60);
    expect(synthError(stack)).toMatch(/mirrorTraffic\.green \(value: 60\) must be between 0 and 50/);
  });

  test('when the mirrored deployment also takes live traffic, synth fails', () => {
    const { stack, endpoint, blue, green } = endpointWith();
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    endpoint.mirror(green, 10);
    expect(synthError(stack)).toMatch(/mirrorTraffic\.green .* mirrors to a deployment that also takes live traffic/);
  });

  test('when mirror traffic goes to two deployments, synth fails', () => {
    const { stack, endpoint, blue, green } = endpointWith();
    const v5 = new FakeModelVersion(stack, 'v5', { version: '5' });
    const red = endpoint.addDeployment('red', { model: DeploymentModel.fromModelVersion(v5) });
    endpoint.routeTraffic(Traffic.allTo(blue));
    endpoint.mirror(green, 10);
    endpoint.mirror(red, 10);
    expect(synthError(stack)).toMatch(/mirrorTraffic \(value: green and red\) goes to more than one deployment/);
  });

  test('mirroring to an archived version or a retired deployment fails synth', () => {
    const archived = endpointWith({ greenArchived: true });
    archived.endpoint.routeTraffic(Traffic.allTo(archived.blue));
    archived.endpoint.mirror(archived.green, 10);
    expect(synthError(archived.stack)).toMatch(/mirrors traffic to an archived model version/);
    const retired = endpointWith({ greenRetired: true });
    retired.endpoint.routeTraffic(Traffic.allTo(retired.blue));
    retired.endpoint.mirror(retired.green, 10);
    expect(synthError(retired.stack)).toMatch(/mirrors traffic to a retired deployment/);
  });

  test('every problem is reported at once', () => {
    const { stack, endpoint, green } = endpointWith();
    endpoint.routeTraffic(Traffic.split({ blue: 95, purple: 10 }));
    endpoint.mirror(green, 70);
    const msg = synthError(stack);
    expect(msg).toMatch(/\(3 problems\)/);
    expect(msg).toMatch(/weights sum to 105/);
    expect(msg).toMatch(/traffic\.purple/);
    expect(msg).toMatch(/mirrorTraffic\.green \(value: 70\)/);
  });
});
