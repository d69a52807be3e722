// Test fixtures for serving: stand-ins for the asset layer's versions, a workspace with every attribute known, and
// a check of every azapi body against Azure's resource types.
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ICodeVersion, IEnvironmentVersion, IModelVersion, ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { MlopsProviders } from '../../lib/core/providers';
import { validateAzureRequest } from '../../lib/validation/azure-type-validator';
import { Workspace } from '../../lib/workspace/workspace';
import { IWorkspace } from '../../lib/workspace/workspace-base';
import { Template, testStack } from '../support/template';

export const SUB = '00000000-0000-0000-0000-000000000000';
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
export const WORKSPACE_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-churn`;
export const STORAGE_ID = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlchurn`;
export const ACR_ID = `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/crmlchurn`;
export const APPI_ID = `${RG_ID}/providers/Microsoft.Insights/components/appi-churn`;
export const REGISTRY_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/registries/mlr-shared`;
export const COMPUTE_ID = `${WORKSPACE_ID}/computes/cpu-cluster`;

/**
 * A stack with providers and an imported workspace whose attributes are all known. (`Template.synth` adds the
 * schema-validation aspect; `expectValidAzapiBodies` checks the bodies again, explicitly.)
 */
export function servingStack(): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = testStack();
  MlopsProviders.configure(stack);
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WORKSPACE_ID,
    location: 'westeurope',
    storageAccountId: STORAGE_ID,
    containerRegistryId: ACR_ID,
    applicationInsightsId: APPI_ID,
  });
  return { stack, workspace };
}

export interface FakeModelProps {
  readonly name?: string;
  readonly version: string;
  readonly modelType?: ModelType;
  readonly stage?: ModelStage;
  readonly archived?: boolean;
  readonly metrics?: { [name: string]: number };
  readonly registryId?: string;
  readonly storageAccountId?: string;
  readonly dependable?: ITerraformDependable;
}

/** A model version as the asset layer will provide it (`IModelVersion`). */
export class FakeModelVersion extends Construct implements IModelVersion {
  public readonly modelName: string;
  public readonly version: string;
  public readonly assetId: string;
  public readonly uri: string;
  public readonly modelType: ModelType;
  public readonly stage: ModelStage;
  public readonly archived: boolean;
  public readonly metrics: { [name: string]: number };
  public readonly registryId?: string;
  public readonly storageAccountId?: string;
  public readonly dependable?: ITerraformDependable;

  constructor(scope: Construct, id: string, props: FakeModelProps) {
    super(scope, id);
    this.modelName = props.name ?? 'churn';
    this.version = props.version;
    this.registryId = props.registryId;
    this.assetId = props.registryId
      ? `azureml://registries/mlr-shared/models/${this.modelName}/versions/${props.version}`
      : `${WORKSPACE_ID}/models/${this.modelName}/versions/${props.version}`;
    this.uri = props.registryId ? this.assetId : `azureml://locations/westeurope/workspaces/mlw-churn/models/${this.modelName}/versions/${props.version}`;
    this.modelType = props.modelType ?? ModelType.MLFLOW;
    this.stage = props.stage ?? ModelStage.PRODUCTION;
    this.archived = props.archived ?? false;
    this.metrics = props.metrics ?? {};
    this.storageAccountId = props.storageAccountId;
    this.dependable = props.dependable;
  }
}

export class FakeEnvironment extends Construct implements IEnvironmentVersion {
  public readonly environmentName = 'sklearn-inference';
  public readonly version = '2';
  public readonly assetId = `${WORKSPACE_ID}/environments/sklearn-inference/versions/2`;
  public readonly registryId?: string;
  constructor(scope: Construct, id: string, registryId?: string) {
    super(scope, id);
    this.registryId = registryId;
  }
}

export class FakeCode extends Construct implements ICodeVersion {
  public readonly codeName = 'churn-scoring';
  public readonly version = '1';
  public readonly assetId = `${WORKSPACE_ID}/codes/churn-scoring/versions/1`;
}

/** Every azapi body valid against Azure's types: resources as a create (PUT), update resources as a patch. */
export function expectValidAzapiBodies(t: Template): void {
  const problems: string[] = [];
  const check = (type: string, mode: 'create' | 'update') => {
    for (const r of t.resources(type)) {
      const a = r.attributes;
      const identity = Array.isArray(a.identity) ? { type: a.identity[0].type, identityIds: a.identity[0].identity_ids } : undefined;
      for (const p of validateAzureRequest({ type: a.type, body: a.body, name: a.name, location: a.location, tags: a.tags, identity }, mode)) {
        problems.push(`${r.path}: ${p.path} ${p.message}`);
      }
    }
  };
  check('azapi_resource', 'create');
  check('azapi_update_resource', 'update');
  expect(problems).toEqual([]);
  expect(t.resources('azapi_resource').length + t.resources('azapi_update_resource').length).toBeGreaterThan(0);
}

/** The message of what `fn` throws (fails the test if nothing is thrown). */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but nothing was thrown');
}
