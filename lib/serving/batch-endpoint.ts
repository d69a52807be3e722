import { dependable, ITerraformDependable, Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ICodeVersion, IEnvironmentVersion } from '../assets/asset-refs';
import { AzapiResource, AzapiUpdateResource } from '../bindings/azapi';
import { dependenciesWithin } from '../core/cross-stack';
import { mlType } from '../core/api-versions';
import { ArmId } from '../core/arm-id';
import { NameBuilder, NamingRules, stableSuffix } from '../core/naming';
import { isToken, Validator } from '../core/validation';
import { checkOneDeclarationPerResource } from '../core/uniqueness';
import { identityBlock, UserAssignedIdentityAttributes } from '../workspace/identity';
import { IWorkspace } from '../workspace/workspace-base';
import { reachRegistryFromManagedNetwork } from './registry-access';
import { BATCH_ENDPOINT_DEFAULTS_PATHS, ignoreBodyChanges, TRAFFIC_RETRY } from './azure-quirks';
import { DeploymentModel, DeploymentModelConfig } from './deployment-model';
import { validateModelRuntime } from './online-deployment';
import { checkShape, childId } from '../core/shape';
import { BATCH_DEPLOYMENT_PROPS, BATCH_ENDPOINT_PROPS } from './shapes';

/** What a batch deployment does with each mini-batch's results. */
export enum BatchOutputAction {
  /** Append every prediction to one output file. */
  APPEND_ROW = 'AppendRow',
  /** Keep only a summary; your scoring script writes its own outputs. */
  SUMMARY_ONLY = 'SummaryOnly',
}

/** Log verbosity of batch scoring jobs. */
export enum BatchLoggingLevel {
  WARNING = 'Warning',
  INFO = 'Info',
  DEBUG = 'Debug',
}

/** Props of a `BatchEndpoint`. */
export interface BatchEndpointProps {
  readonly workspace: IWorkspace;
  /**
   * 3-32 letters, digits and `-`, starting with a letter and ending with a letter or digit; unique in the Azure region.
   * @default - the construct id with a stable 4-character suffix, seeded by the workspace (its `nameSuffix`, name,
   * resource group and location) and the construct id, never the construct path
   */
  readonly endpointName?: string;
  /**
   * Run the endpoint under this user-assigned identity instead of a system-assigned one.
   * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-endpoint-batch
   * @default - a system-assigned identity
   */
  readonly userAssignedIdentity?: UserAssignedIdentityAttributes;
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * What `batchEndpoint.addPipelineComponentDeployment()` takes: a registered pipeline component that each invocation
 * runs as a pipeline job (the CLI's batch deployment of `type: pipeline`).
 * @see https://learn.microsoft.com/azure/machine-learning/how-to-use-batch-pipeline-deployments
 */
export interface PipelineComponentDeploymentOptions {
  /**
   * The pipeline component version: its ARM id (`.../workspaces/<ws>/components/<name>/versions/<v>`) or an
   * `azureml://registries/<r>/components/<name>/versions/<v>` URI.
   */
  readonly componentId: string;
  /**
   * Run-time settings of the pipeline job, as the CLI's `settings` (`default_compute`, `default_datastore`,
   * `continue_on_step_failure`, ...), every value a string.
   * @default - none: the component's own defaults
   */
  readonly settings?: { [name: string]: string };
  /** @default - the construct id */
  readonly deploymentName?: string;
  /** Make this the endpoint's default deployment. @default - the only deployment, if there is one */
  readonly isDefault?: boolean;
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/** What `batchEndpoint.addDeployment()` takes. */
export interface BatchDeploymentOptions {
  readonly model: DeploymentModel;
  /** The ARM id of the Azure ML compute cluster that runs scoring jobs. */
  readonly computeId: string;
  /** @default - the construct id */
  readonly deploymentName?: string;
  /** Required for custom models. @default - none (MLflow models bring their own) */
  readonly environment?: IEnvironmentVersion;
  /** Required for custom models. @default - none */
  readonly code?: ICodeVersion;
  /** The scoring script's path inside `code`. @default - none; required with `code` */
  readonly scoringScript?: string;
  /** Make this the endpoint's default deployment (what invocations without a deployment name run). @default - the only deployment, if there is one */
  readonly isDefault?: boolean;
  /** Cluster nodes per job. @default 1 */
  readonly instanceCount?: number;
  /** Files (or rows) per scoring call. @default 10 */
  readonly miniBatchSize?: number;
  /** Parallel scoring processes per node. @default 1 */
  readonly maxConcurrencyPerInstance?: number;
  /** Retries of a failed mini-batch. @default 3 */
  readonly maxRetries?: number;
  /** Timeout of one scoring call, in seconds. @default 30 */
  readonly timeoutSeconds?: number;
  /** @default BatchOutputAction.APPEND_ROW */
  readonly outputAction?: BatchOutputAction;
  /** With `APPEND_ROW`. @default predictions.csv */
  readonly outputFileName?: string;
  /** Failed items tolerated before the job aborts; -1 tolerates any number. @default -1 */
  readonly errorThreshold?: number;
  /** @default BatchLoggingLevel.INFO */
  readonly loggingLevel?: BatchLoggingLevel;
  /** @default - none */
  readonly environmentVariables?: { [name: string]: string };
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/** Props of a `BatchDeployment`. Prefer `batchEndpoint.addDeployment()`. */
export interface BatchDeploymentProps extends BatchDeploymentOptions {
  readonly endpoint: BatchEndpoint;
}

/** A batch deployment. */
export interface IBatchDeployment extends IConstruct {
  readonly deploymentName: string;
  readonly deploymentId: string;
}

/**
 * A batch endpoint: scoring jobs over data, run on a compute cluster. Authentication is always Microsoft Entra ID
 * (the only mode batch endpoints support).
 *
 * As with online traffic, the default deployment can only name a deployment that exists: the endpoint is created
 * without `defaults`, then the deployments, then one patch sets `defaults.deploymentName`.
 */
export class BatchEndpoint extends Construct {
  public readonly endpointId: string;
  public readonly endpointName: string;
  public readonly workspace: IWorkspace;
  /** The principal id of the endpoint's identity (its user-assigned identity's, when it has one). */
  public readonly principalId: string;
  public readonly resource: AzapiResource;

  private readonly deploymentList: BatchDeployment[] = [];
  private readonly allDeployments: Array<IBatchDeployment & { resource: AzapiResource }> = [];
  private defaultDeployment?: IBatchDeployment;
  private defaultsPatch?: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: BatchEndpointProps) {
    super(scope, childId(scope, id, 'BatchEndpoint'));
    checkShape(this, 'props for BatchEndpoint', props, BATCH_ENDPOINT_PROPS);
    this.workspace = props.workspace;
    this.endpointName = props.endpointName ?? defaultName(props.workspace, id);
    const v = new Validator(this, 'props for BatchEndpoint');
    v.name('endpointName', this.endpointName, NamingRules.BATCH_ENDPOINT);
    v.throwIfAny();
    checkOneDeclarationPerResource(this);

    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('workspaces/batchEndpoints'),
      name: this.endpointName,
      parentId: this.workspace.workspaceId,
      location: this.workspace.location,
      identity: identityBlock(false, props.userAssignedIdentity),
      tags: props.tags,
      body: { properties: { authMode: 'AADToken', description: props.description } },
    });
    // The defaults patch owns this path; without this, updating the endpoint would send a body without it.
    ignoreBodyChanges(this.resource, BATCH_ENDPOINT_DEFAULTS_PATHS);
    this.endpointId = this.resource.id;
    this.principalId = props.userAssignedIdentity?.principalId ?? this.resource.identityPrincipalId;
    this.node.addValidation({ validate: () => this.validateDefault() });
  }

  public get deployments(): BatchDeployment[] {
    return [...this.deploymentList];
  }

  /** The pipeline-component deployments added so far, in order. */
  public get pipelineComponentDeployments(): PipelineComponentDeployment[] {
    return this.allDeployments.filter((d): d is PipelineComponentDeployment => d instanceof PipelineComponentDeployment);
  }

  /** The deployment invocations run when they name none. */
  public get defaultDeploymentName(): string | undefined {
    return (this.defaultDeployment ?? (this.allDeployments.length === 1 ? this.allDeployments[0] : undefined))?.deploymentName;
  }

  /** Adds a model deployment (named `id` unless `deploymentName` is given). */
  public addDeployment(id: string, options: BatchDeploymentOptions): BatchDeployment {
    const deployment = new BatchDeployment(this, id, { ...options, endpoint: this });
    this.register(deployment, options.isDefault);
    this.deploymentList.push(deployment);
    return deployment;
  }

  /** Adds a deployment that runs a registered pipeline component as a pipeline job per invocation. */
  public addPipelineComponentDeployment(id: string, options: PipelineComponentDeploymentOptions): PipelineComponentDeployment {
    const deployment = new PipelineComponentDeployment(this, id, { ...options, endpoint: this });
    this.register(deployment, options.isDefault);
    return deployment;
  }

  private register(deployment: IBatchDeployment & { resource: AzapiResource }, isDefault: boolean | undefined): void {
    const v = new Validator(this, 'deployments');
    v.check(isToken(deployment.deploymentName) || !this.allDeployments.some(d => d.deploymentName === deployment.deploymentName), () => ({
      subject: `deployments.${deployment.deploymentName}`, value: JSON.stringify(deployment.deploymentName),
      rule: 'is declared twice on this endpoint', fix: 'give each deployment of an endpoint its own name',
    }));
    v.check(!(isDefault && this.defaultDeployment), () => ({
      subject: `deployments.${deployment.deploymentName}.isDefault`, value: 'true',
      rule: `conflicts with '${this.defaultDeployment!.deploymentName}', already the default`, fix: 'mark one deployment as default',
    }));
    v.throwIfAny();
    this.allDeployments.push(deployment);
    if (isDefault) this.defaultDeployment = deployment;
    this.patch().dependsOn = dependenciesWithin(this, this.allDeployments.map(d => d.resource))?.map(d => dependable(d));
  }

  /** Makes `deployment` the default. */
  public makeDefault(deployment: IBatchDeployment): void {
    this.defaultDeployment = deployment;
  }

  private patch(): AzapiUpdateResource {
    this.defaultsPatch ??= new AzapiUpdateResource(this, 'Defaults', {
      type: mlType('workspaces/batchEndpoints'),
      resourceId: this.endpointId,
      body: { properties: { defaults: { deploymentName: Lazy.stringValue({ produce: () => this.defaultDeploymentName }) } } },
      retry: TRAFFIC_RETRY,
    });
    return this.defaultsPatch;
  }

  private validateDefault(): string[] {
    const v = new Validator(this, `default deployment (batch endpoint '${this.endpointName}')`);
    const names = this.allDeployments.map(d => d.deploymentName).join(', ');
    if (this.allDeployments.length > 1 && !this.defaultDeployment) {
      v.add({ subject: 'defaults.deploymentName', value: '(not set)', rule: `is ambiguous: the endpoint has ${this.allDeployments.length} deployments (${names})`,
        fix: 'pass isDefault: true to one addDeployment(), or call makeDefault()' });
    }
    if (this.defaultDeployment && !this.allDeployments.some(d => d === this.defaultDeployment)) {
      v.add({ subject: 'defaults.deploymentName', value: JSON.stringify(this.defaultDeployment.deploymentName),
        rule: `is not one of this endpoint's deployments (${names || 'none'})`, fix: 'choose a deployment added with this endpoint\'s addDeployment()' });
    }
    return v.toMessages();
  }
}

/** A batch deployment: a model version, its runtime, and how jobs split and retry the work. */
export class BatchDeployment extends Construct implements IBatchDeployment {
  public readonly deploymentName: string;
  public readonly deploymentId: string;
  public readonly model: DeploymentModelConfig;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: BatchDeploymentProps) {
    super(scope, childId(scope, id, 'BatchDeployment'));
    checkShape(this, 'props for BatchDeployment', props, BATCH_DEPLOYMENT_PROPS);
    this.deploymentName = props.deploymentName ?? id;
    this.model = props.model.bind();
    const outputAction = props.outputAction ?? BatchOutputAction.APPEND_ROW;

    const v = new Validator(this, 'props for BatchDeployment');
    v.name('deploymentName', this.deploymentName, NamingRules.BATCH_DEPLOYMENT);
    validateModelRuntime(v, props, this.model);
    v.check(!this.model.inImage, () => ({
      subject: 'model', value: this.model.label, rule: 'must be a model asset: batch deployments run a scoring script on the model, not a custom container',
      fix: 'deploy a model version (DeploymentModel.fromModelVersion or fromUri)',
    }));
    v.check(isToken(props.computeId) || ArmId.isOfType(props.computeId, 'Microsoft.MachineLearningServices/workspaces/computes'), () => ({
      subject: 'computeId', value: JSON.stringify(props.computeId), rule: 'must be the ARM id of an Azure ML compute cluster',
      fix: 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes/<cluster>',
    }));
    v.integer('instanceCount', props.instanceCount, { min: 1 });
    v.integer('miniBatchSize', props.miniBatchSize, { min: 1 });
    v.integer('maxConcurrencyPerInstance', props.maxConcurrencyPerInstance, { min: 1 });
    v.integer('maxRetries', props.maxRetries, { min: 0 });
    v.integer('timeoutSeconds', props.timeoutSeconds, { min: 1 });
    v.integer('errorThreshold', props.errorThreshold, { min: -1 });
    v.check(props.outputFileName === undefined || outputAction === BatchOutputAction.APPEND_ROW, () => ({
      subject: 'outputFileName', value: JSON.stringify(props.outputFileName), rule: 'only applies with BatchOutputAction.APPEND_ROW',
      fix: 'remove outputFileName, or use outputAction APPEND_ROW',
    }));
    v.throwIfAny();

    reachRegistryFromManagedNetwork(this, props.endpoint.workspace, this.model.registry);
    const dependsOn = [this.model.dependable, props.environment?.dependable, props.code?.dependable]
      .filter((d): d is ITerraformDependable => d !== undefined);
    this.resource = batchDeploymentResource(this, this.deploymentName, props.endpoint, props.tags, dependsOn, definedOnly({
      description: props.description,
      model: { referenceType: 'Id', assetId: this.model.assetId },
      environmentId: props.environment?.assetId,
      codeConfiguration: props.code && props.scoringScript ? { codeId: props.code.assetId, scoringScript: props.scoringScript } : undefined,
      compute: props.computeId,
      resources: { instanceCount: props.instanceCount ?? 1 },
      miniBatchSize: props.miniBatchSize ?? 10,
      maxConcurrencyPerInstance: props.maxConcurrencyPerInstance ?? 1,
      retrySettings: { maxRetries: props.maxRetries ?? 3, timeout: `PT${props.timeoutSeconds ?? 30}S` },
      outputAction,
      outputFileName: outputAction === BatchOutputAction.APPEND_ROW ? (props.outputFileName ?? 'predictions.csv') : undefined,
      errorThreshold: props.errorThreshold ?? -1,
      loggingLevel: props.loggingLevel ?? BatchLoggingLevel.INFO,
      environmentVariables: props.environmentVariables,
    }));
    this.deploymentId = this.resource.id;
  }
}

/** Props of a `PipelineComponentDeployment`. Prefer `batchEndpoint.addPipelineComponentDeployment()`. */
export interface PipelineComponentDeploymentProps extends PipelineComponentDeploymentOptions {
  readonly endpoint: BatchEndpoint;
}

/**
 * A batch deployment of a pipeline component: each invocation runs the component as a pipeline job, with `settings`
 * (its default compute among them). The body's `deploymentConfiguration` is of type `PipelineComponent`; the component
 * is referenced by id, as the CLI sends it.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-batch
 */
export class PipelineComponentDeployment extends Construct implements IBatchDeployment {
  public readonly deploymentName: string;
  public readonly deploymentId: string;
  public readonly componentId: string;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: PipelineComponentDeploymentProps) {
    super(scope, id);
    this.deploymentName = props.deploymentName ?? id;
    this.componentId = props.componentId;
    const v = new Validator(this, 'props for PipelineComponentDeployment');
    v.name('deploymentName', this.deploymentName, NamingRules.BATCH_DEPLOYMENT);
    v.check(isToken(props.componentId) || isComponentReference(props.componentId), () => ({
      subject: 'componentId', value: JSON.stringify(props.componentId), rule: 'must name a pipeline component version',
      fix: 'use the ARM id .../workspaces/<ws>/components/<name>/versions/<v> or azureml://registries/<r>/components/<name>/versions/<v>',
    }));
    v.throwIfAny();
    this.resource = batchDeploymentResource(this, this.deploymentName, props.endpoint, props.tags, undefined, definedOnly({
      description: props.description,
      deploymentConfiguration: definedOnly({
        deploymentConfigurationType: 'PipelineComponent',
        componentId: { referenceType: 'Id', assetId: props.componentId },
        settings: props.settings,
      }),
    }));
    this.deploymentId = this.resource.id;
  }
}

/** The batch deployment resource both kinds declare, under its endpoint: only the `properties` differ. */
function batchDeploymentResource(scope: Construct, name: string, endpoint: BatchEndpoint, tags: { [key: string]: string } | undefined,
  dependsOn: ITerraformDependable[] | undefined, properties: { [key: string]: unknown }): AzapiResource {
  return new AzapiResource(scope, 'Resource', {
    type: mlType('workspaces/batchEndpoints/deployments'),
    name,
    parentId: endpoint.endpointId,
    location: endpoint.workspace.location,
    tags,
    dependsOn: dependsOn && dependenciesWithin(scope, dependsOn),
    body: { properties },
  });
}

/** An ARM id or azureml:// URI of a component version. */
function isComponentReference(id: string): boolean {
  return ArmId.isOfType(id, 'Microsoft.MachineLearningServices/workspaces/components/versions')
    || ArmId.isOfType(id, 'Microsoft.MachineLearningServices/registries/components/versions')
    || /^azureml:\/\/.+\/components\/[^/]+\/versions\/[^/]+$/.test(id);
}

function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * `<id>-<suffix>`: endpoint names are unique per Azure region, so the suffix is a hash of the workspace's name suffix
 * and its literal name, resource group and location and the construct id, never of the construct path (moving the endpoint in the
 * construct tree keeps its name).
 */
function defaultName(workspace: IWorkspace, id: string): string {
  const base = NameBuilder.derive(NamingRules.BATCH_ENDPOINT, [id.toLowerCase()], '').slice(0, 27).replace(/-+$/, '');
  // A created workspace's nameSuffix already holds its resource group and location (which it may know only as tokens).
  const seed = NameBuilder.seed(workspace.nameSuffix !== undefined ? [workspace.nameSuffix, workspace.workspaceName, id]
    : [workspace.workspaceName, workspace.resourceGroupName, workspace.location, id]);
  const name = `${base}-${stableSuffix(seed)}`;
  return /^[a-z]/.test(name) ? name : `e${name}`.slice(0, 32);
}
