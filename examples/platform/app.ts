// The platform repo: the main example (what `npm run synth` synthesizes; see main.ts for what each stack creates).
// Built here as a function so the tests can synthesize the same app that main.ts runs.
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import {
  AutoscaleMetric, BatchEndpoint, CodeSource, DataSource, DataType, DeploymentModel, DevOpsProject, EnvironmentSource,
  MetricComparison, MetricThreshold, MlopsPipelines, MlopsProviders, ModelSource, ModelStage, ModelType, ModelVersion,
  OnlineEndpoint, PolicySuppressions, Principal, PromotionPolicy, Registry, ScaleDirection, Traffic, VersionLock, Workspace,
} from 'cdktf-azure-mlops';
import { AzuredevopsProvider } from 'cdktf-azure-mlops/lib/bindings/azuredevops';

// Replace these placeholders with your own tenant, subscriptions and approver group.
const TENANT_ID = '00000000-0000-0000-0000-000000000001';
const DEV_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000002';
const PROD_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000003';
const PROD_APPROVERS_GROUP_ID = '00000000-0000-0000-0000-000000000004';
const DATA_SCIENTISTS_GROUP_ID = '00000000-0000-0000-0000-000000000005';

const LOCATION = 'westeurope';
/** Every default name derives from it: workspaces mlw-churnplat-<env>, resource groups rg-churnplat-<stack>. */
const PREFIX = 'churnplat';
/** The committed lock that pins every released version's content (one file for the app, keyed by workspace/registry). */
const LOCK_FILE = path.join(__dirname, 'asset-versions.lock.json');
/**
 * Terraform state of the deployed stacks: one container per pipeline stage (`tfstate-<stage>`), one blob per stack
 * (`<stack>.tfstate`) in it. The devops stack creates the account and the containers, in the prod subscription, so
 * that no one with rights on dev's subscription only can read or rewrite the state of shared and prod.
 */
const STATE = { resourceGroupName: 'rg-churnplat-tfstate', storageAccountName: 'stchurnplattfstate', subscriptionId: PROD_SUBSCRIPTION_ID };
/** The pipeline stage that deploys each ML stack (its name is the stack's id): whose state container the stack uses. */
const STAGE_OF: Record<string, string> = { dev: 'dev', shared: 'shared', prod: 'prod' };
/**
 * The self-hosted Azure DevOps agent pool of the dev and prod stages. Their workspaces' storage refuses public
 * network access and the stacks upload files to it (model, data and code versions), which a Microsoft-hosted agent
 * cannot reach (403; synth refuses it, see lib/pipelines/README.md "Agents and private storage"): these stages run
 * on agents inside the workspaces' network. Create the pool and its agents before the first run.
 */
const PRIVATE_AGENT_POOL = 'churnplat-private-agents';
/** The online endpoint's name: unique per Azure region, so no other example uses it. */
export const ENDPOINT_NAME = 'churn-platform-prod';

/** prod's compute cluster: batch scoring runs on it, and it builds the online deployments' images. */
const PROD_CLUSTER = 'cpu';

const local = (...parts: string[]) => path.join(__dirname, ...parts);

/**
 * An ML stack the pipeline deploys: providers pinned, remote state in its stage's container (plan and apply run on
 * different agents, and only that stage's pipeline identities have a data role on it), the lock.
 */
function mlStack(app: App, id: string, subscriptionId: string): { stack: TerraformStack; rg: ResourceGroup } {
  const stack = new TerraformStack(app, id);
  MlopsProviders.configure(stack, { subscriptionId, remoteState: { ...STATE, containerName: `tfstate-${STAGE_OF[id]}` } });
  VersionLock.configure(stack, { path: LOCK_FILE });
  const rg = new ResourceGroup(stack, 'rg', { name: `rg-${PREFIX}-${id}`, location: LOCATION });
  return { stack, rg };
}

/** What main.ts and the tests use. */
export interface PlatformApp {
  readonly app: App;
  readonly devops: TerraformStack;
  readonly shared: TerraformStack;
  readonly dev: TerraformStack;
  readonly prod: TerraformStack;
  readonly pipelines: MlopsPipelines;
  readonly registry: Registry;
  readonly endpoint: OnlineEndpoint;
}

/** What a change to the platform can vary; every option's default is the app as committed. */
export interface PlatformAppOptions {
  /**
   * The share of prod's live traffic the canary (`green`, version 2) takes; `blue` (version 1) takes the rest.
   * The "Reviewing a change" section of the README reviews a change of this value.
   * @default 10
   */
  readonly canaryPercent?: number;
}

export function buildPlatformApp(app: App, options: PlatformAppOptions = {}): PlatformApp {
  // --- shared: the registry every environment deploys from (prod subscription: it holds what production serves)
  const { stack: shared, rg: sharedRg } = mlStack(app, 'shared', PROD_SUBSCRIPTION_ID);
  // The registry's read and write logs (who used which version) go to a Log Analytics workspace of its own stack: a
  // registry has no workspace, and prod's would make shared wait for prod, which already waits for shared.
  const registryLogs = new LogAnalyticsWorkspace(shared, 'RegistryLogs', {
    name: `log-${PREFIX}-shared`, resourceGroupName: sharedRg.name, location: LOCATION, sku: 'PerGB2018', retentionInDays: 90,
    localAuthenticationEnabled: false,
  });
  const registry = new Registry(shared, 'Registry', {
    name: `mlr-${PREFIX}`, resourceGroupId: sharedRg.id, location: LOCATION, replicationLocations: ['northeurope'],
    logAnalyticsWorkspaceId: registryLogs.id,
  });

  // --- dev: the model is trained here (outside Terraform) and its MLflow folders registered, with what made them
  const { stack: dev, rg: devRg } = mlStack(app, 'dev', DEV_SUBSCRIPTION_ID);
  const devWorkspace = new Workspace(dev, 'Workspace', { resourceGroup: devRg, prefix: PREFIX, environment: 'dev' });
  devWorkspace.addComputeCluster('cpu', { maxNodes: 2 });
  devWorkspace.grantDataScientist(Principal.group(DATA_SCIENTISTS_GROUP_ID, 'data-scientists'));
  const trainEnv = devWorkspace.addEnvironment('sklearn-train').addVersion('1', {
    source: EnvironmentSource.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1', { condaFile: local('env', 'conda.yaml') }),
  });
  const trainData = devWorkspace.addDataAsset('churn-train', { dataType: DataType.URI_FILE }).addVersion('1', {
    source: DataSource.fromLocalPath(local('data', 'churn-train.csv')),
  });
  const trainCode = devWorkspace.addCode('churn-train-src').addVersion('1', { source: CodeSource.fromLocalPath(local('src', 'train')) });

  // Each version is the MLflow folder a training run wrote (models/churn-<n>), uploaded content-addressed — not a
  // job output: no training job can exist in a workspace that the same apply creates.
  const churn = devWorkspace.addModel('churn', { description: 'Customer churn classifier' });
  const trained = (v: string, commit: string, maxDepth: string, auc: number, f1: number): ModelVersion => churn.addVersion(v, {
    source: ModelSource.fromLocalPath(local('models', `churn-${v}`)),
    modelType: ModelType.MLFLOW,
    stage: ModelStage.STAGING,
    metrics: { auc, f1 },
    lineage: {
      data: [trainData], environment: trainEnv, code: trainCode,
      sourceCommit: commit, sourceRepository: 'mlops-churnplat', hyperparameters: { max_depth: maxDepth },
    },
  });
  const devVersions = [trained('1', '7c41d2e', '4', 0.87, 0.77), trained('2', '9a0b3f1', '6', 0.89, 0.79), trained('3', 'e52c8a4', '8', 0.9, 0.8)];

  // Promoted into the registry (the `publish` action; files copied into the registry's storage): released once,
  // deployable from every workspace in the registry's regions, never retrained per environment.
  const releasedChurn = registry.addModel('churn', { description: 'Customer churn classifier' });
  const released = (v: ModelVersion, stage: ModelStage) => releasedChurn.addVersion(v.version, {
    source: ModelSource.fromWorkspaceModel(v), stage,
  });
  const [r1, r2, r3] = [released(devVersions[0], ModelStage.PRODUCTION), released(devVersions[1], ModelStage.STAGING),
    released(devVersions[2], ModelStage.DEVELOPMENT)];

  // --- prod: serves the registry versions; its own environment, data and code versions are for batch scoring
  const { stack: prod, rg: prodRg } = mlStack(app, 'prod', PROD_SUBSCRIPTION_ID);
  const prodWorkspace = new Workspace(prod, 'Workspace', {
    resourceGroup: prodRg, prefix: PREFIX, environment: 'prod',
    // The workspace's container registry is private, so Azure ML cannot build the online deployments' images on
    // serverless compute: it builds them on this cluster (declared below), or every deployment fails to start.
    // https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-image-builds
    imageBuildCompute: PROD_CLUSTER,
  });
  const cluster = prodWorkspace.addComputeCluster(PROD_CLUSTER, { maxNodes: 4 });
  registry.grantRead(prodWorkspace.principal); // created in prod, for prod's identity (see the top README, "Several stacks")
  const scoreEnv = prodWorkspace.addEnvironment('sklearn-score').addVersion('1', {
    source: EnvironmentSource.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1', { condaFile: local('env', 'conda.yaml') }),
  });
  const scoreCode = prodWorkspace.addCode('churn-batch-score').addVersion('1', { source: CodeSource.fromLocalPath(local('src', 'score')) });
  prodWorkspace.addDataAsset('churn-score-sample', { dataType: DataType.URI_FILE, description: 'Rows to smoke-test the batch endpoint with' })
    .addVersion('1', { source: DataSource.fromLocalPath(local('data', 'churn-score-sample.csv')) });

  const endpoint = new OnlineEndpoint(prod, 'Endpoint', {
    workspace: prodWorkspace,
    endpointName: ENDPOINT_NAME,
    production: true,
    // The endpoint's identity needs no grant here: Azure ML gives its system-assigned identity AcrPull on the
    // workspace registry and Storage Blob Data Reader on its storage, and the endpoint grants it AzureML Registry
    // User on the shared registry its deployments serve from (in prod, like the workspace's grant above).
    promotionPolicy: new PromotionPolicy({
      minimumStage: ModelStage.STAGING,
      thresholds: [MetricThreshold.atLeast('auc', 0.85)],
      noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')],
    }),
  });
  const autoscale = {
    minInstances: 3, maxInstances: 6,
    rules: [
      { metric: AutoscaleMetric.REQUESTS_PER_MINUTE, direction: ScaleDirection.OUT, threshold: 600 },
      { metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.IN, threshold: 25 },
    ],
  };
  const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(r1), autoscale });
  const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(r2), autoscale });
  const shadow = endpoint.addDeployment('shadow', { model: DeploymentModel.fromModelVersion(r3), instanceCount: 3 });
  endpoint.routeTraffic(Traffic.canary(blue, green, options.canaryPercent ?? 10)); // by default 90 to version 1, 10 to version 2
  endpoint.mirror(shadow, 20); // version 3 sees a copy of 20% of requests; its answers are discarded

  const batch = new BatchEndpoint(prod, 'Batch', { workspace: prodWorkspace, endpointName: 'churn-platform-batch' });
  batch.addDeployment('nightly', {
    model: DeploymentModel.fromModelVersion(r1), computeId: cluster.computeId, isDefault: true, miniBatchSize: 20,
    environment: scoreEnv, code: scoreCode, scoringScript: 'batch_score.py',
  });

  // --- devops: the Azure DevOps project and the pipeline that deploys dev, then shared, then prod (applied by hand once)
  const devops = new TerraformStack(app, 'devops');
  new AzuredevopsProvider(devops, 'azuredevops'); // the organisation comes from AZDO_ORG_SERVICE_URL
  // The pipeline identities, their role assignments and the state storage are Azure resources: whoever applies this
  // stack needs Owner (or Contributor and Role Based Access Control Administrator) on both subscriptions.
  new AzurermProvider(devops, 'azurerm', { features: [{}], subscriptionId: PROD_SUBSCRIPTION_ID });
  const project = new DevOpsProject(devops, 'Project', { projectName: 'mlops-churnplat' });
  // The bootstrap this stack owns: where the pipeline identities live, and the state storage with one container per
  // stage (so prod's state is readable and writable by prod's identities only, and shared's by shared's).
  const identitiesRg = new ResourceGroup(devops, 'IdentitiesGroup', { name: `rg-${PREFIX}-identities`, location: LOCATION });
  const stateRg = new ResourceGroup(devops, 'StateGroup', { name: STATE.resourceGroupName, location: LOCATION });
  const stateAccount = new StorageAccount(devops, 'StateAccount', {
    name: STATE.storageAccountName, resourceGroupName: stateRg.name, location: LOCATION,
    accountTier: 'Standard', accountReplicationType: 'GZRS', minTlsVersion: 'TLS1_2',
    sharedAccessKeyEnabled: false, allowNestedItemsToBePublic: false, defaultToOauthAuthentication: true, localUserEnabled: false,
    blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } },
    // Every stack's state: Terraform must never destroy it (policy MLOPS-DP-4).
    lifecycle: { preventDestroy: true },
  });
  PolicySuppressions.add(stateAccount, 'MLOPS-ST-1', 'Microsoft-hosted agents and the first apply from a laptop reach the ' +
    'Terraform state over the internet; callers need Entra ID (shared keys are off) and a data role on their stage container');
  const stateContainer = (stage: string) => ({
    resourceGroupName: stateRg.name, storageAccountName: stateAccount.name, subscriptionId: PROD_SUBSCRIPTION_ID,
    containerName: new StorageContainer(devops, `StateContainer-${stage}`, {
      name: `tfstate-${stage}`, storageAccountId: stateAccount.id, containerAccessType: 'private',
    }).name,
  });
  const pipelines = new MlopsPipelines(devops, 'Pipelines', {
    project,
    // An apply and a read-only plan identity per stage, with exactly the roles their stacks use.
    identities: { resourceGroupName: identitiesRg.name, location: LOCATION },
    // One subscription per stage scope: the stacks create their own resource groups, which an identity whose roles
    // are on one resource group could not. shared and prod share the prod subscription, not a state container.
    stages: [
      {
        name: 'dev', azure: { tenantId: TENANT_ID, subscriptionId: DEV_SUBSCRIPTION_ID }, stateContainer: stateContainer('dev'),
        agentPool: PRIVATE_AGENT_POOL, // dev uploads model, data and code files to its workspace's private storage
      },
      // The registry is what production serves: changing it waits for the same approvers as prod. Its stack creates
      // no storage account and uploads nothing (publishing copies files inside Azure), so a hosted agent will do.
      {
        name: 'shared', approvers: [PROD_APPROVERS_GROUP_ID], azure: { tenantId: TENANT_ID, subscriptionId: PROD_SUBSCRIPTION_ID },
        stateContainer: stateContainer('shared'),
      },
      {
        name: 'prod', production: true, approvers: [PROD_APPROVERS_GROUP_ID], azure: { tenantId: TENANT_ID, subscriptionId: PROD_SUBSCRIPTION_ID },
        stateContainer: stateContainer('prod'),
        agentPool: PRIVATE_AGENT_POOL, // prod uploads data and code files to its workspace's private storage
      },
    ],
    // The order cdktf derives from the cross-stack references: dev (promotes into) shared (serves) prod.
    stacks: [
      { name: 'dev', stage: STAGE_OF.dev },
      { name: 'shared', stage: STAGE_OF.shared, dependsOn: ['dev'] },
      {
        name: 'prod', stage: STAGE_OF.prod, dependsOn: ['shared'],
        smokeTests: [{ endpointName: ENDPOINT_NAME, workspaceName: `mlw-${PREFIX}-prod`, resourceGroupName: `rg-${PREFIX}-prod` }],
      },
    ],
    azurePipelinesPath: 'pipelines/azure-pipelines.yml',
    gitHubWorkflowPath: '.github/workflows/mlops.yml',
    terraformVersion: '1.11.4',
  });

  return { app, devops, shared, dev, prod, pipelines, registry, endpoint };
}
