import { Aspects } from 'cdktf';
import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import {
  DeploymentModel, MetricComparison, MetricThreshold, OnlineEndpoint, PromotionGate, PromotionPolicy, Traffic,
} from '../../lib/serving';
import { Template } from '../support/template';
import { FakeModelVersion, servingStack, thrownMessage } from './fixtures';

function canary(green: { stage?: ModelStage; metrics?: { [k: string]: number } }, policy?: PromotionPolicy) {
  const { stack, workspace } = servingStack();
  const v3 = new FakeModelVersion(stack, 'v3', { version: '3', metrics: { auc: 0.87, latency_ms: 120 } });
  const v4 = new FakeModelVersion(stack, 'v4', { version: '4', stage: green.stage ?? ModelStage.PRODUCTION, metrics: green.metrics ?? {} });
  const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', promotionPolicy: policy });
  const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
  const greenDeployment = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
  endpoint.routeTraffic(Traffic.canary(blue, greenDeployment, 10));
  return { stack, endpoint, blue, green: greenDeployment };
}

const policy = new PromotionPolicy({
  minimumStage: ModelStage.STAGING,
  thresholds: [MetricThreshold.atLeast('auc', 0.85), MetricThreshold.atMost('latency_ms', 200)],
  noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')],
});

describe('promotion gates', () => {
  test('a candidate that meets every gate synthesizes', () => {
    const { stack } = canary({ stage: ModelStage.STAGING, metrics: { auc: 0.88, latency_ms: 150 } }, policy);
    expect(() => Template.synth(stack)).not.toThrow();
  });

  test('when a candidate is below the metric threshold, synth fails showing both versions\' numbers side by side', () => {
    const { stack } = canary({ metrics: { auc: 0.83, latency_ms: 150 } }, new PromotionPolicy({ thresholds: [MetricThreshold.atLeast('auc', 0.85)] }));
    const msg = thrownMessage(() => Template.synth(stack));
    expect(msg).toContain('traffic.green (value: churn:4 auc=0.83) breaks the promotion policy: auc >= 0.85; side by side: ' +
      "churn:4 0.83 vs incumbent 'blue' (churn:3, 90% of traffic) 0.87");
  });

  test('when a candidate is worse than the incumbent, synth fails with both numbers', () => {
    const { stack } = canary({ metrics: { auc: 0.86 } }, new PromotionPolicy({ noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')] }));
    const msg = thrownMessage(() => Template.synth(stack));
    expect(msg).toContain("auc must be no worse than the incumbent's (higher is better); side by side: " +
      "'green' (churn:4, 10% of traffic) 0.86 vs incumbent 'blue' (churn:3, 90% of traffic) 0.87");
  });

  test('a tolerance lets a candidate be slightly worse; lower-is-better metrics compare the other way', () => {
    const within = canary({ metrics: { auc: 0.86, latency_ms: 125 } }, new PromotionPolicy({
      noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc', 0.02), MetricComparison.lowerIsBetter('latency_ms', 10)],
    }));
    expect(() => Template.synth(within.stack)).not.toThrow();
    const slower = canary({ metrics: { auc: 0.9, latency_ms: 140 } }, new PromotionPolicy({
      noWorseThanIncumbent: [MetricComparison.lowerIsBetter('latency_ms', 10)],
    }));
    expect(thrownMessage(() => Template.synth(slower.stack))).toMatch(/latency_ms must be no worse.*lower is better, tolerance 10.*140 vs incumbent.*120/);
  });

  test('when a live version is below the minimum stage, synth fails naming the stage', () => {
    const { stack } = canary({ stage: ModelStage.DEVELOPMENT, metrics: { auc: 0.9 } }, new PromotionPolicy({ minimumStage: ModelStage.STAGING }));
    expect(thrownMessage(() => Template.synth(stack)))
      .toMatch(/traffic\.green \(value: churn:4 stage Development\) breaks the promotion policy: a version taking traffic must be at stage Staging or later/);
  });

  test('a metric that was never recorded fails the gate, with the fix to record it', () => {
    const { stack } = canary({ metrics: {} }, new PromotionPolicy({ thresholds: [MetricThreshold.atLeast('auc', 0.85)] }));
    expect(thrownMessage(() => Template.synth(stack))).toMatch(/churn:4 auc=not recorded.*Fix: record auc in the metrics of churn:4/);
  });

  test('a mirrored (shadow) candidate is not gated: that is how it earns its numbers', () => {
    const { stack, workspace } = servingStack();
    const v3 = new FakeModelVersion(stack, 'v3', { version: '3', metrics: { auc: 0.87, latency_ms: 120 } });
    const v4 = new FakeModelVersion(stack, 'v4', { version: '4', stage: ModelStage.DEVELOPMENT, metrics: { auc: 0.5 } });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', promotionPolicy: policy });
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) })));
    endpoint.mirror(endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) }), 20);
    expect(() => Template.synth(stack)).not.toThrow();
  });

  test('a model given by URI has no stage unless told, so a minimum-stage policy rejects it', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', promotionPolicy: new PromotionPolicy({ minimumStage: ModelStage.STAGING }) });
    const uri = 'azureml://registries/mlr-shared/models/churn/versions/3';
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('blue', { model: DeploymentModel.fromUri(uri, { modelType: ModelType.MLFLOW }) })));
    expect(thrownMessage(() => Template.synth(stack))).toMatch(/churn:3 stage unknown.*pass \{ stage \} to DeploymentModel.fromUri/);
  });

  test('a PromotionGate aspect applies a policy to every endpoint in the stack', () => {
    const { stack } = canary({ stage: ModelStage.DEVELOPMENT, metrics: { auc: 0.9 } });
    expect(() => Template.synth(stack)).not.toThrow();
    const gated = canary({ stage: ModelStage.DEVELOPMENT, metrics: { auc: 0.9 } });
    Aspects.of(gated.stack).add(new PromotionGate(new PromotionPolicy({ minimumStage: ModelStage.PRODUCTION })));
    const msg = thrownMessage(() => Template.synth(gated.stack));
    expect(msg).toMatch(/must be at stage Production or later/);
    expect(msg.match(/breaks the promotion policy/g)).toHaveLength(1);
  });
});
