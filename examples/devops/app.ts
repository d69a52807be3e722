// The Azure DevOps side of an MLOps repository: a project and repo, a dev and a prod stage (service connections by
// workload identity federation, environments, an approval on prod, variable groups), the pipeline definition, and
// the pipeline YAML generated from the same model. Two small ML stacks stand in for the stacks it deploys.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { AzuredevopsProvider } from 'cdktf-azure-mlops/lib/bindings/azuredevops';
import { DevOpsProject, MlopsPipelines, MlopsProviders, PolicySuppressions } from 'cdktf-azure-mlops';

// Replace these placeholders with your own tenant, subscriptions and approver group.
const TENANT_ID = '00000000-0000-0000-0000-000000000001';
const DEV_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000002';
const PROD_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000003';
const PROD_APPROVERS_GROUP_ID = '00000000-0000-0000-0000-000000000004';

/** A stack the pipeline deploys: remote state in an azurerm backend, as the pipeline needs. */
class MlStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: { subscriptionId: string; resourceGroupName: string; stateContainer: string }) {
    super(scope, id);
    MlopsProviders.configure(this, {
      subscriptionId: props.subscriptionId,
      // One state container per stage: only that stage's pipeline identities have a data role on it.
      remoteState: { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstatemlops', containerName: props.stateContainer },
    });
    new ResourceGroup(this, 'rg', { name: props.resourceGroupName, location: 'westeurope' });
  }
}

/** The stack with the Azure DevOps resources; applied once by hand (it creates the pipeline that deploys the rest). */
class DevOpsStack extends TerraformStack {
  public readonly pipelines: MlopsPipelines;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The organisation comes from AZDO_ORG_SERVICE_URL; you authenticate with the Azure CLI.
    new AzuredevopsProvider(this, 'azuredevops');
    // The pipeline identities and their role assignments are Azure resources: whoever applies this stack needs
    // Owner (or Contributor and Role Based Access Control Administrator) on the stages' subscriptions.
    new AzurermProvider(this, 'azurerm', { features: [{}], subscriptionId: DEV_SUBSCRIPTION_ID });

    const project = new DevOpsProject(this, 'Project', { projectName: 'mlops-churn' });
    // The bootstrap this stack owns: where the pipeline identities live, and the state storage with one container
    // per stage (so prod's state is readable and writable by prod's identities only).
    const identities = new ResourceGroup(this, 'IdentitiesGroup', { name: 'rg-mlops-identities', location: 'westeurope' });
    const stateGroup = new ResourceGroup(this, 'StateGroup', { name: 'rg-tfstate', location: 'westeurope' });
    const stateAccount = new StorageAccount(this, 'StateAccount', {
      name: 'sttfstatemlops', resourceGroupName: stateGroup.name, location: 'westeurope',
      accountTier: 'Standard', accountReplicationType: 'GZRS', minTlsVersion: 'TLS1_2',
      sharedAccessKeyEnabled: false, allowNestedItemsToBePublic: false, defaultToOauthAuthentication: true, localUserEnabled: false,
      blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } },
      // Every stack's state: Terraform must never destroy it (policy MLOPS-DP-4).
      lifecycle: { preventDestroy: true },
    });
    PolicySuppressions.add(stateAccount, 'MLOPS-ST-1', 'Microsoft-hosted agents and the first apply from a laptop reach the ' +
      'Terraform state over the internet; callers need Entra ID (shared keys are off) and a data role on their stage container');
    const container = (stage: string) => new StorageContainer(this, `StateContainer-${stage}`, {
      name: `tfstate-${stage}`, storageAccountId: stateAccount.id, containerAccessType: 'private',
    }).name;
    const state = { resourceGroupName: stateGroup.name, storageAccountName: stateAccount.name, subscriptionId: DEV_SUBSCRIPTION_ID };
    this.pipelines = new MlopsPipelines(this, 'Pipelines', {
      project,
      // An apply and a read-only plan identity per stage, with their roles.
      // manageLocks: false because these stand-in stacks declare no management lock (stacks with `protection`
      // on do, and then need it: leave it at its default).
      identities: { resourceGroupName: identities.name, location: 'westeurope', gitHubRepository: 'contoso/mlops-churn', manageLocks: false },
      // One subscription per stage: the stacks create their own resource groups, which an identity whose roles
      // are on one resource group could not.
      stages: [
        { name: 'dev', azure: { tenantId: TENANT_ID, subscriptionId: DEV_SUBSCRIPTION_ID }, stateContainer: { ...state, containerName: container('dev') } },
        {
          name: 'prod',
          production: true,
          approvers: [PROD_APPROVERS_GROUP_ID],
          azure: { tenantId: TENANT_ID, subscriptionId: PROD_SUBSCRIPTION_ID },
          stateContainer: { ...state, containerName: container('prod') },
        },
      ],
      stacks: [
        { name: 'ml-dev', stage: 'dev' },
        {
          name: 'ml-prod',
          stage: 'prod',
          dependsOn: ['ml-dev'],
          smokeTests: [{ endpointName: 'churn-prod', workspaceName: 'mlw-churn-prod', resourceGroupName: 'rg-mlops-prod' }],
        },
      ],
      azurePipelinesPath: 'pipelines/azure-pipelines.yml',
      gitHubWorkflowPath: '.github/workflows/mlops.yml',
      terraformVersion: '1.11.4',
    });
  }
}

/** Builds the example app; `main.ts` synthesizes it and writes the pipeline files. */
export function buildDevOpsExample(app: App): { app: App; pipelines: MlopsPipelines } {
  const devops = new DevOpsStack(app, 'devops');
  new MlStack(app, 'ml-dev', { subscriptionId: DEV_SUBSCRIPTION_ID, resourceGroupName: 'rg-mlops-dev', stateContainer: 'tfstate-dev' });
  new MlStack(app, 'ml-prod', { subscriptionId: PROD_SUBSCRIPTION_ID, resourceGroupName: 'rg-mlops-prod', stateContainer: 'tfstate-prod' });
  return { app, pipelines: devops.pipelines };
}
