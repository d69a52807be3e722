// The READMEs' snippets run: each fixture in test/fixtures/readme synthesizes (aspects, validations and every azapi
// body checked against Azure's resource types by Template.synth), and does what its README says.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AzapiResource } from '../../lib/bindings/azapi';
import { mlType } from '../../lib/core/api-versions';
import { stableSuffix } from '../../lib/core/naming';
import { MlopsProviders } from '../../lib/core/providers';
import { ASSETS_PROJECT_DIR, EnvironmentDataCodeStack, SmallestModelVersionStack } from '../fixtures/readme/assets';
import { main as pipelinesMain } from '../fixtures/readme/pipelines';
import { SmallestRegistryStack } from '../fixtures/readme/registry';
import { LegacyNamesStack, PinnedSuffixStack } from '../fixtures/readme/workspace';
import { validateAzapiBodies } from '../fixtures/readme/root';
import {
  AutoscaleStack, BatchEndpointStack, DeploymentOptionsStack, ExistingAssetsStack, KubernetesStack, PipelineComponentStack, PromotionPolicyStack,
  ServingFromYamlStack, UserAssignedIdentityStack,
  EndpointDiagnosticsStack,
} from '../fixtures/readme/serving';
import { ModelFromYamlStack, RegistryFromYamlStack, YAML_PROJECT_DIR } from '../fixtures/readme/yaml';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { Template, testStack } from '../support/template';

const ONLINE_DEPLOYMENT = mlType('workspaces/onlineEndpoints/deployments');

/** Synthesizes `stack` and checks its azapi bodies once more, explicitly (so the test fails if there are none). */
function synthValid(stack: TerraformStack): Template {
  const template = Template.synth(stack);
  expect(azapiBodyProblems(template.json)).toEqual([]);
  expect(azapiResourceCount(template.json)).toBeGreaterThan(0);
  return template;
}

/** Runs `build` in `dir`, as `cdktf synth` runs an app in its project folder (local paths are relative to it). */
function inDirectory<T>(dir: string, build: () => T): T {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return build();
  } finally {
    process.chdir(previous);
  }
}

describe('lib/serving/README.md', () => {
  test('the deployment with every option synthesizes with those options in its body', () => {
    const t = synthValid(new DeploymentOptionsStack(Testing.app(), 'deployment-options'));
    const body = t.resourceWithProperties('azapi_resource', { type: ONLINE_DEPLOYMENT }).attributes.body;
    expect(body.sku).toMatchObject({ name: 'Default', capacity: 3 });
    expect(body.properties).toMatchObject({
      instanceType: 'Standard_DS3_v2',
      environmentVariables: { LOG_LEVEL: 'info' },
      codeConfiguration: { scoringScript: 'score.py' },
      requestSettings: { maxConcurrentRequestsPerInstance: 4 },
    });
    expect(body.properties.livenessProbe.failureThreshold).toBe(5);
    expect(body.properties.dataCollector.collections).toEqual({
      model_inputs: { dataCollectionMode: 'Enabled', samplingRate: 0.5 },
      model_outputs: { dataCollectionMode: 'Enabled', samplingRate: 0.5 },
    });
  });

  test('the autoscaled deployment gets an autoscale setting with the two rules', () => {
    const t = synthValid(new AutoscaleStack(Testing.app(), 'autoscale'));
    const profile = t.resources('azurerm_monitor_autoscale_setting')[0].attributes.profile;
    expect(profile[0].capacity).toMatchObject({ minimum: 3, maximum: 10 });
    expect(profile[0].rule.map((r: any) => [r.metric_trigger.metric_name, r.scale_action.direction]))
      .toEqual([['RequestsPerMinute', 'Increase'], ['CpuUtilizationPercentage', 'Decrease']]);
  });

  test('the endpoint with its own Log Analytics destination sends its logs there; the scratch endpoint has no setting', () => {
    const t = synthValid(new EndpointDiagnosticsStack(Testing.app(), 'endpoint-diagnostics'));
    const endpointSettings = t.resources('azurerm_monitor_diagnostic_setting').filter(d => /\/(Endpoint|Scratch)\/Diagnostics$/.test(d.path));
    expect(endpointSettings.map(d => [d.path.split('/').slice(-2).join('/'), d.attributes.log_analytics_workspace_id]))
      .toEqual([['Endpoint/Diagnostics', expect.stringMatching(/workspaces\/log-ops$/)]]);
    expect(endpointSettings[0].attributes.enabled_log.map((l: any) => l.category))
      .toEqual(['AmlOnlineEndpointConsoleLog', 'AmlOnlineEndpointTrafficLog', 'AmlOnlineEndpointEventLog']);
  });

  test('the promotion policy passes for a version that meets it', () => {
    const t = synthValid(new PromotionPolicyStack(Testing.app(), 'promotion'));
    t.resourceCountIs('azapi_update_resource', 1);
  });

  test('the user-assigned identity runs the endpoint and receives AcrPull and blob read on the workspace', () => {
    const t = synthValid(new UserAssignedIdentityStack(Testing.app(), 'uai'));
    const endpoint = t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/onlineEndpoints') });
    expect(endpoint.attributes.identity[0].type).toBe('UserAssigned');
    const roles = t.resources('azurerm_role_assignment').map(r => String(r.attributes.role_definition_id).split('/').pop());
    expect(roles).toEqual(expect.arrayContaining(['7f951dda-4ed3-4680-a7ca-43fe172d538d', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1']));
  });

  test('the Kubernetes endpoint names its compute and the deployment is of kind Kubernetes', () => {
    const t = synthValid(new KubernetesStack(Testing.app(), 'k8s'));
    expect(t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/onlineEndpoints') }).attributes.body.properties.compute)
      .toMatch(/\/computes\/k8s-arc$/);
    expect(t.resourceWithProperties('azapi_resource', { type: ONLINE_DEPLOYMENT }).attributes.body.properties).toMatchObject({
      endpointComputeType: 'Kubernetes', instanceType: 'gpu-t4', scaleSettings: { scaleType: 'TargetUtilization', maxInstances: 4 },
    });
  });

  test('existing assets by id, and a custom container with its model in the image', () => {
    const t = synthValid(new ExistingAssetsStack(Testing.app(), 'existing'));
    const [blue, green] = ['blue', 'green'].map(name => t.resourceWithProperties('azapi_resource', { type: ONLINE_DEPLOYMENT, name }).attributes.body.properties);
    expect(blue.environmentId).toBe('azureml://registries/azureml/environments/sklearn-1.5/versions/21');
    expect(green.model).toBeUndefined();
    expect(green.codeConfiguration).toBeUndefined();
    expect(green.modelMountPath).toBe('/models');
  });

  test('the pipeline-component deployment runs the component with its settings', () => {
    const t = synthValid(new PipelineComponentStack(Testing.app(), 'pipeline'));
    expect(t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/batchEndpoints/deployments') }).attributes.body.properties.deploymentConfiguration)
      .toMatchObject({ deploymentConfigurationType: 'PipelineComponent', settings: { default_compute: 'cpu' } });
  });

  test('the YAML files load, with the --set value applied', () => {
    const t = synthValid(new ServingFromYamlStack(Testing.app(), 'from-yaml'));
    expect(t.resourceWithProperties('azapi_resource', { type: ONLINE_DEPLOYMENT, name: 'blue' }).attributes.body.sku.capacity).toBe(3);
    t.hasResourceWithProperties('azapi_resource', { type: mlType('workspaces/batchEndpoints/deployments'), name: 'pipeline-dpl' });
  });

  test('the batch deployment runs on the cluster and is the default', () => {
    const t = synthValid(new BatchEndpointStack(Testing.app(), 'batch'));
    const deployment = t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/batchEndpoints/deployments') });
    expect(deployment.attributes.body.properties).toMatchObject({ miniBatchSize: 100, outputAction: 'AppendRow', errorThreshold: 10 });
    expect(deployment.attributes.body.properties.compute).toBe(t.ref(t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/computes') })));
    t.hasResourceWithProperties('azapi_update_resource', { body: { properties: { defaults: { deploymentName: 'nightly' } } } });
  });
});

describe('lib/assets/README.md', () => {
  test('the smallest model version uploads the local MLflow folder and registers it', () => {
    const stack = inDirectory(ASSETS_PROJECT_DIR, () => new SmallestModelVersionStack(Testing.app(), 'smallest-model'));
    const t = synthValid(stack);
    t.resourceCountIs('azurerm_storage_blob', 3);
    const props = t.resourceAt('azapi_resource', 'churn/3/Resource').attributes.body.properties;
    expect(props).toMatchObject({ modelType: 'mlflow_model', properties: { 'mlops.metric.auc': '0.91' } });
    expect(props.modelUri).toMatch(/^azureml:\/\/datastores\/model_artifacts\/paths\/models\/churn\/[0-9a-f]{16}\/churn$/);
  });

  test('environment, data and code versions from local files and an image synthesize', () => {
    const stack = inDirectory(ASSETS_PROJECT_DIR, () => new EnvironmentDataCodeStack(Testing.app(), 'env-data-code'));
    const t = synthValid(stack);
    for (const kind of ['environments', 'data', 'codes']) {
      expect(t.resourcesWithProperties('azapi_resource', { type: mlType(`workspaces/${kind}/versions`) }).length).toBeGreaterThan(0);
    }
  });
});

describe('lib/workspace/README.md', () => {
  test('nameSuffix is the suffix of the storage account, Key Vault and container registry names', () => {
    const t = synthValid(new PinnedSuffixStack(Testing.app(), 'dev'));
    expect(t.resources('azurerm_storage_account')[0].attributes.name).toBe('stchurndevx7k2');
    expect(t.resources('azurerm_key_vault')[0].attributes.name).toBe('kv-churn-dev-x7k2');
    expect(t.resources('azurerm_container_registry')[0].attributes.name).toBe('crchurndevx7k2');
  });

  test('legacyConstructPath gives the names 0.1.0 derived for the workspace at that path', () => {
    const t = synthValid(new LegacyNamesStack(Testing.app(), 'prod'));
    // 0.1.0 seeded the suffix by `<construct path>|<prefix>|<environment>`.
    const old = stableSuffix('prod/ml|churn|prod');
    expect(t.resources('azurerm_storage_account')[0].attributes.name).toBe(`stchurnprod${old}`);
    expect(t.resources('azurerm_key_vault')[0].attributes.name).toBe(`kv-churn-prod-${old}`);
  });
});

describe('lib/registry/README.md', () => {
  test('the smallest registry synthesizes, private and protected', () => {
    const t = synthValid(new SmallestRegistryStack(Testing.app(), 'registry'));
    const registry = t.resourceWithProperties('azapi_resource', { type: mlType('registries') });
    expect(registry.attributes.body.properties.publicNetworkAccess).toBe('Disabled');
    expect(registry.attributes.lifecycle.prevent_destroy).toBe(true);
  });
});

describe('lib/pipelines/README.md', () => {
  test('main synthesizes the app (with its stack checks) and writes both pipeline files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-readme-'));
    try {
      pipelinesMain(Testing.app(), dir);
      expect(fs.readFileSync(path.join(dir, 'azure-pipelines.yml'), 'utf8')).toContain('ml_dev');
      expect(fs.existsSync(path.join(dir, '.github', 'workflows', 'mlops.yml'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README.md', () => {
  test('validateAzapiBodies makes synth fail on a body Azure would reject', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    new AzapiResource(stack, 'Bad', {
      type: mlType('workspaces/onlineEndpoints'), name: 'churn', parentId: '/subscriptions/x/resourceGroups/rg',
      location: 'westeurope', body: { properties: { authMode: 'AADToken', trafic: { blue: 100 } } },
    });
    validateAzapiBodies(stack);
    expect(() => Testing.synth(stack, true)).toThrow(/`properties\.trafic` is not expected here/);
  });
});

describe('lib/yaml/README.md', () => {
  test('the files load into versions 3 and 4 of one model, an environment and an mltable data version', () => {
    const t = inDirectory(YAML_PROJECT_DIR, () => synthValid(new ModelFromYamlStack(Testing.app(), 'from-yaml')));
    const versions = t.resources('azapi_resource').filter(r => r.attributes.type === mlType('workspaces/models/versions'));
    expect(versions.map(r => r.attributes.name).sort()).toEqual(['3', '4']);
    const v4 = versions.find(r => r.attributes.name === '4')!.attributes.body.properties;
    expect(v4).toMatchObject({ modelType: 'mlflow_model', tags: { team: 'growth' }, description: 'Churn classifier, trained on the 2026-11 snapshot.' });
    expect(t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/environments/versions') }).attributes.body.properties.condaFile).toBeDefined();
    expect(t.resourceWithProperties('azapi_resource', { type: mlType('workspaces/data/versions') }).attributes.body.properties.dataType).toBe('mltable');
  });

  test('the registry file gives the primary region and one replica, public access off', () => {
    const t = inDirectory(YAML_PROJECT_DIR, () => synthValid(new RegistryFromYamlStack(Testing.app(), 'registry-yaml')));
    const r = t.resourceWithProperties('azapi_resource', { type: mlType('registries') }).attributes;
    expect(r.body.properties.regionDetails.map((d: any) => d.location)).toEqual(['westeurope', 'northeurope']);
    expect(r.body.properties.publicNetworkAccess).toBe('Disabled');
  });
});
