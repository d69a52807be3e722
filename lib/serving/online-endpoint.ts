import { Annotations, dependable, ITerraformDependable, Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzapiResource, AzapiUpdateResource } from '../bindings/azapi';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { dependenciesWithin } from '../core/cross-stack';
import { sendDiagnostics } from '../core/diagnostics';
import { mlType } from '../core/api-versions';
import { NameBuilder, NamingRules, stableSuffix } from '../core/naming';
import { BuiltInRole, Principal } from '../core/rbac';
import { isToken, Validator } from '../core/validation';
import { checkOneDeclarationPerResource } from '../core/uniqueness';
import { ArmId } from '../core/arm-id';
import { identityBlock, UserAssignedIdentityAttributes } from '../workspace/identity';
import { IWorkspace } from '../workspace/workspace-base';
import { EndpointAuthMode } from './auth-mode';
import { ENDPOINT_TRAFFIC_PATHS, ignoreBodyChanges, TRAFFIC_RETRY } from './azure-quirks';
import { DeploymentModelConfig } from './deployment-model';
import { EndpointIdentityGrants } from './identity-grants';
import { IOnlineDeployment, OnlineDeployment, OnlineDeploymentOptions } from './online-deployment';
import { LiveDeployment, PromotionPolicy } from './promotion';
import { Traffic } from './traffic';
import { checkArgs, checkShape, childId, S } from '../core/shape';
import { ONLINE_DEPLOYMENT, ONLINE_ENDPOINT_PROPS } from './shapes';

/** A managed online endpoint. */
export interface IOnlineEndpoint extends IConstruct {
  /** The ARM id of the endpoint. */
  readonly endpointId: string;
  /** The endpoint's name, unique in its Azure region. */
  readonly endpointName: string;
}

/** Props of an `OnlineEndpoint`. */
export interface OnlineEndpointProps {
  /** The workspace the endpoint lives in (and whose region it takes). */
  readonly workspace: IWorkspace;
  /**
   * The endpoint name: 3-32 letters, digits and `-`, starting with a letter and ending with a letter or digit. It must be unique in the Azure
   * region (across every subscription), because it is part of the scoring URI; it cannot be changed without replacing
   * the endpoint.
   * @default - the construct id with a stable 4-character suffix, seeded by the workspace (its `nameSuffix`, name,
   * resource group and location) and the construct id, never the construct path, e.g. `churn-k3x9`
   */
  readonly endpointName?: string;
  /**
   * How callers authenticate.
   * @default EndpointAuthMode.AAD_TOKEN - Microsoft Entra ID tokens and Azure RBAC; no keys exist
   */
  readonly authMode?: EndpointAuthMode;
  /**
   * Accept scoring requests from the public internet. When false, the endpoint is reachable only through the
   * workspace's private endpoint.
   * @default false - public network access is disabled
   */
  readonly allowPublicNetworkAccess?: boolean;
  /**
   * Whether this endpoint serves production. A production endpoint warns when a deployment runs fewer than 3
   * instances (Azure's availability guidance), defaults deployments to 3 instances, protects every deployment that
   * takes live traffic with `prevent_destroy`, and every model version its deployments serve (unless the version was
   * declared with `preventDestroy: false`).
   * @default false
   */
  readonly production?: boolean;
  /**
   * Give the endpoint's identity the roles it needs to serve beyond what Azure ML assigns it itself (AcrPull on the
   * workspace registry, Storage Blob Data Reader on the workspace storage): Storage Blob Data Reader on each model's
   * own storage account when that is not the workspace's, AzureML Registry User on each model's and environment's
   * registry. Turn off only when the roles are granted elsewhere.
   * @see https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth#automatic-role-assignment-for-endpoint-identity
   * @default true
   */
  readonly grantServingAccess?: boolean;
  /**
   * Run the endpoint under this user-assigned identity instead of a system-assigned one (e.g. one identity shared by
   * blue and green endpoints, or granted before the endpoint exists). Azure ML assigns roles itself only to a
   * system-assigned identity, so with this the library grants the identity AcrPull on the workspace's container
   * registry and Storage Blob Data Reader on its default storage account too (with `grantServingAccess`).
   * @see https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth#automatic-role-assignment-for-endpoint-identity
   * @default - a system-assigned identity
   */
  readonly userAssignedIdentity?: UserAssignedIdentityAttributes;
  /**
   * The ARM id of a Kubernetes compute attached to the workspace (an AKS or Azure Arc-enabled cluster,
   * `.../workspaces/<ws>/computes/<name>`): the endpoint is a Kubernetes online endpoint and its deployments run on
   * the cluster (`endpointComputeType: Kubernetes`, resource requests and limits, the cluster's instance types).
   * `publicNetworkAccess` is not sent then: it applies to managed endpoints only (the cluster's own networking decides).
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-attach-kubernetes-anywhere
   * @default - a managed online endpoint
   */
  readonly kubernetesComputeId?: string;
  /**
   * Send the endpoint's resource logs (console, traffic and event logs) and metrics to Log Analytics, as a diagnostic
   * setting on the endpoint.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-monitor-online-endpoints
   * @default true - to `logAnalyticsWorkspaceId`, else the workspace's Log Analytics workspace; none (and no error) for
   *   an imported workspace that does not say its `logAnalyticsWorkspaceId`
   */
  readonly diagnosticSettings?: boolean;
  /**
   * The Log Analytics workspace (ARM id) the endpoint's logs and metrics go to.
   * @default - the workspace's `logAnalyticsWorkspaceId`
   */
  readonly logAnalyticsWorkspaceId?: string;
  /** Live traffic to check against, in addition to any `PromotionGate` aspect. @default - no promotion policy */
  readonly promotionPolicy?: PromotionPolicy;
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/**
 * A managed online endpoint, its deployments, and its traffic.
 *
 * Azure only accepts traffic that names deployments which exist, so the endpoint is emitted in three steps: the
 * endpoint without traffic; the deployments, each depending on the endpoint; and one `azapi_update_resource` that
 * sets `traffic` and `mirrorTraffic`, depending on every deployment. The endpoint ignores those two body paths
 * (`ignore_body_changes`), so it never fights the traffic patch nor resets traffic when it is updated.
 *
 * ```ts
 * const endpoint = new OnlineEndpoint(this, 'churn', { workspace });
 * const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
 * const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
 * endpoint.routeTraffic(Traffic.canary(blue, green, 10));
 * ```
 *
 * Rollback is pointing traffic back (`Traffic.allTo(blue)`): the previous deployment stays until it is removed.
 * Removing a deployment that takes traffic takes two changes: first give it weight 0 and `retired: true`, apply;
 * then delete it from the code, apply.
 */
export class OnlineEndpoint extends Construct implements IOnlineEndpoint {
  public readonly endpointId: string;
  public readonly endpointName: string;
  public readonly workspace: IWorkspace;
  public readonly production: boolean;
  /** The principal id of the endpoint's identity (its user-assigned identity's, when it has one). */
  public readonly principalId: string;
  /** Whether the endpoint runs on an attached Kubernetes compute rather than on managed instances. */
  public readonly isKubernetes: boolean;
  /** The scoring URI. */
  public readonly scoringUri: string;
  /** The `azapi_resource` of the endpoint. */
  public readonly resource: AzapiResource;
  /**
   * The diagnostic setting that sends the endpoint's logs and metrics to Log Analytics.
   * @default - none with `diagnosticSettings: false`, or when no Log Analytics workspace is known
   */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;
  /** Marks this construct for `PromotionGate`. */
  public readonly isOnlineEndpoint = true;

  private readonly deploymentList: OnlineDeployment[] = [];
  private readonly policies = new Set<PromotionPolicy>();
  private readonly grants?: EndpointIdentityGrants;
  private traffic: Traffic = Traffic.none();
  private mirrorTarget?: { deployment: IOnlineDeployment; percent: number };
  private readonly mirrorProblems: string[] = [];
  private trafficUpdate?: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: OnlineEndpointProps) {
    super(scope, childId(scope, id, 'OnlineEndpoint'));
    checkShape(this, 'props for OnlineEndpoint', props, ONLINE_ENDPOINT_PROPS);
    this.workspace = props.workspace;
    this.production = props.production ?? false;
    this.endpointName = props.endpointName ?? defaultEndpointName(props.workspace, id);

    this.isKubernetes = props.kubernetesComputeId !== undefined;

    const v = new Validator(this, 'props for OnlineEndpoint');
    v.name('endpointName', this.endpointName, NamingRules.ONLINE_ENDPOINT);
    validateKubernetesCompute(v, props);
    v.throwIfAny();
    checkOneDeclarationPerResource(this);
    if (props.promotionPolicy) this.policies.add(props.promotionPolicy);

    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('workspaces/onlineEndpoints'),
      name: this.endpointName,
      parentId: this.workspace.workspaceId,
      location: this.workspace.location,
      identity: identityBlock(false, props.userAssignedIdentity),
      tags: props.tags,
      body: {
        // Never `traffic` here: it may only name deployments that exist, and they are created after the endpoint.
        properties: definedOnly({
          authMode: (props.authMode ?? EndpointAuthMode.AAD_TOKEN).value,
          // The CLI's Kubernetes endpoint schema has no public_network_access (azure-ai-ml KubernetesOnlineEndpointSchema;
          // ManagedOnlineEndpointSchema has it): the cluster's networking decides there.
          publicNetworkAccess: this.isKubernetes ? undefined : props.allowPublicNetworkAccess ? 'Enabled' : 'Disabled',
          compute: props.kubernetesComputeId,
          description: props.description,
        }),
      },
      responseExportValues: ['properties.scoringUri'],
    });
    // The traffic patch owns these paths: without this, updating the endpoint would send a body without traffic.
    ignoreBodyChanges(this.resource, ENDPOINT_TRAFFIC_PATHS);

    this.endpointId = this.resource.id;
    this.principalId = props.userAssignedIdentity?.principalId ?? this.resource.identityPrincipalId;
    this.scoringUri = this.resource.outputString('properties.scoringUri');

    if (props.grantServingAccess ?? true) {
      this.grants = new EndpointIdentityGrants(this, 'IdentityGrants',
        // Keyed by the name, or the construct id when the name is a token: the key is in role-assignment addresses.
        Principal.servicePrincipal(this.principalId, `endpoint-${isToken(this.endpointName) ? this.node.id : this.endpointName}`, this));
      // For a system-assigned identity, nothing on the workspace's own registry and storage: Azure ML itself assigns
      // AcrPull on the workspace's container registry and Storage Blob Data Reader on its default storage account when
      // it creates the endpoint; a second, identical assignment fails with 409 RoleAssignmentExists. Azure does not do
      // this for a user-assigned identity, so then the library does.
      // https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth#automatic-role-assignment-for-endpoint-identity
      if (props.userAssignedIdentity) this.grantWorkspaceBasics();
    }

    this.diagnosticSetting = this.sendDiagnostics(props);
    this.node.addValidation({ validate: () => this.validateTrafficAndPolicies() });
  }

  /** The deployments added so far, in order. */
  public get deployments(): OnlineDeployment[] {
    return [...this.deploymentList];
  }

  /** The live weights as they will be written: every deployment, 0 for those without traffic. */
  public get trafficWeights(): { [deploymentName: string]: number } {
    const declared = this.traffic.weights;
    const out: { [name: string]: number } = {};
    for (const d of this.deploymentList) out[d.deploymentName] = declared[d.deploymentName] ?? 0;
    for (const [name, w] of Object.entries(declared)) if (!(name in out)) out[name] = w;
    return out;
  }

  /** The mirror weights as they will be written: every deployment, 0 for those not mirrored. */
  public get mirrorWeights(): { [deploymentName: string]: number } {
    const out: { [name: string]: number } = {};
    for (const d of this.deploymentList) out[d.deploymentName] = 0;
    if (this.mirrorTarget) out[this.mirrorTarget.deployment.deploymentName] = this.mirrorTarget.percent;
    return out;
  }

  /** Adds a deployment (named `id` unless `deploymentName` is given). */
  public addDeployment(id: string, options: OnlineDeploymentOptions): OnlineDeployment {
    const deployment = new OnlineDeployment(this, id, { ...options, endpoint: this });
    const v = new Validator(this, 'deployments');
    if (!isToken(deployment.deploymentName)) {
      v.check(!this.deploymentList.some(d => d.deploymentName === deployment.deploymentName),
        () => ({ subject: `deployments.${deployment.deploymentName}`, value: JSON.stringify(deployment.deploymentName),
          rule: 'is declared twice on this endpoint', fix: 'give each deployment of an endpoint its own name' }));
    }
    v.throwIfAny();
    this.deploymentList.push(deployment);
    this.trafficPatch().dependsOn = dependenciesWithin(this, this.deploymentList.map(d => d.resource))?.map(d => dependable(d));
    this.protectLiveDeployments();
    return deployment;
  }

  /** Routes live traffic between the deployments (replacing any earlier call). Until called, none takes traffic. */
  public routeTraffic(traffic: Traffic): void {
    checkArgs(`${this.node.path} routeTraffic`, { traffic }, { traffic: S.ref('Traffic', ['_entries'], 'use Traffic.allTo(...), .canary(...), .split(...), .weighted(...) or .none()').req });
    this.traffic = traffic;
    this.protectLiveDeployments();
  }

  /**
   * Mirrors (shadows) `percent` of requests to `deployment`: it receives a copy, and its responses are discarded.
   * At most 50 percent, to one deployment that takes no live traffic.
   */
  public mirror(deployment: IOnlineDeployment, percent: number): void {
    checkArgs(`${this.node.path} mirror`, { deployment, percent }, { deployment: ONLINE_DEPLOYMENT.req, percent: S.number('10').req });
    if (this.mirrorTarget && this.mirrorTarget.deployment !== deployment) {
      this.mirrorProblems.push(`${this.mirrorTarget.deployment.deploymentName} and ${deployment.deploymentName}`);
    }
    this.mirrorTarget = { deployment, percent };
  }

  /** Applies a promotion policy to this endpoint's live traffic (also what `PromotionGate` calls). */
  public addPromotionPolicy(policy: PromotionPolicy): void {
    checkArgs(`${this.node.path} addPromotionPolicy`, { policy }, { policy: S.ref('PromotionPolicy', ['_evaluate'], 'pass new PromotionPolicy({ ... })').req });
    this.policies.add(policy);
  }

  /**
   * Grants what the identity needs to serve `model` in an environment from `environmentRegistryId` (each role once per
   * target), and returns every grant, for a deployment to depend on.
   * @internal
   */
  public _grantServing(model: DeploymentModelConfig, environmentRegistryId: string | undefined, hintSeed: string): ITerraformDependable[] {
    if (!this.grants) return [];
    const hint = (what: string) => `${what}-${stableSuffix(hintSeed)}`;
    // The workspace's default storage is covered by Azure ML's own assignment (see the constructor).
    if (model.storageAccountId && !sameArmId(model.storageAccountId, this.workspace.storageAccountId)) {
      this.grants.grant(BuiltInRole.STORAGE_BLOB_DATA_READER, model.storageAccountId, hint('model-storage'));
    }
    // AzureML Registry User (registries/read + registries/assets/*) is broader than reading, but Azure has no built-in
    // read-only registry role, and a custom one needs roleDefinitions/write, which the stacks' identities do not hold;
    // the grant is scoped to the one registry. https://learn.microsoft.com/azure/machine-learning/how-to-assign-roles
    if (model.registryId) this.grants.grant(BuiltInRole.AZUREML_REGISTRY_USER, model.registryId, hint('model-registry'), model.registry);
    if (environmentRegistryId) this.grants.grant(BuiltInRole.AZUREML_REGISTRY_USER, environmentRegistryId, hint('environment-registry'));
    return this.grants.all;
  }

  /**
   * The endpoint's resource logs to Log Analytics. Explicit categories rather than the `allLogs` group: Azure documents
   * these three for the type, and not whether it supports category groups.
   * https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-machinelearningservices-workspaces-onlineendpoints-logs
   * (metrics: .../supported-metrics/microsoft-machinelearningservices-workspaces-onlineendpoints-metrics)
   *
   * | diagnosticSettings | logAnalyticsWorkspaceId | workspace's Log Analytics | Setting |
   * |---|---|---|---|
   * | false | any | any | none |
   * | true (default) | given | any | to the given one |
   * | true (default) | not given | known (created Workspace, or imported with it) | to the workspace's |
   * | true (default) | not given | unknown (imported without it) | none: MLOPS-LOG-1 reports it |
   */
  private sendDiagnostics(props: OnlineEndpointProps): MonitorDiagnosticSetting | undefined {
    if (props.diagnosticSettings === false) return undefined;
    const destination = props.logAnalyticsWorkspaceId ?? this.workspace.logAnalyticsWorkspaceId;
    if (destination === undefined) return undefined;
    return sendDiagnostics(this, 'Diagnostics', this.endpointId, destination, {
      logCategories: ['AmlOnlineEndpointConsoleLog', 'AmlOnlineEndpointTrafficLog', 'AmlOnlineEndpointEventLog'],
      metrics: ['AllMetrics'],
    });
  }

  /** AcrPull on the workspace's registry and blob read on its storage, for a user-assigned identity. */
  private grantWorkspaceBasics(): void {
    const ws = this.workspace;
    const missing: string[] = [];
    if (ws.containerRegistryId) this.grants!.grant(BuiltInRole.ACR_PULL, ws.containerRegistryId, 'workspace-acr');
    else missing.push('AcrPull on its container registry');
    if (ws.storageAccountId) this.grants!.grant(BuiltInRole.STORAGE_BLOB_DATA_READER, ws.storageAccountId, 'workspace-storage');
    else missing.push('Storage Blob Data Reader on its storage account');
    if (missing.length > 0) {
      Annotations.of(this).addWarning(`Endpoint '${this.endpointName}' runs under a user-assigned identity, for which Azure ML ` +
        `assigns no roles itself, and workspace '${ws.node.path}' does not say its ${missing.length === 2 ? 'registry and storage' : missing[0].split(' on ')[1]}: ` +
        `grant the identity ${missing.join(' and ')} elsewhere, or import the workspace with containerRegistryId and storageAccountId.`);
    }
  }

  /**
   * On a production endpoint, a deployment taking live traffic gets `prevent_destroy`: a rename or a refactor that
   * would destroy it fails the plan instead of dropping requests. Its traffic must go to 0 before it can be removed.
   */
  private protectLiveDeployments(): void {
    if (!this.production) return;
    const weights = this.traffic.weights;
    for (const d of this.deploymentList) {
      const w = weights[d.deploymentName];
      const live = typeof w === 'number' && !isToken(w) && w > 0;
      d.resource.lifecycle = live ? { preventDestroy: true } : undefined;
    }
  }

  private trafficPatch(): AzapiUpdateResource {
    this.trafficUpdate ??= new AzapiUpdateResource(this, 'Traffic', {
      type: mlType('workspaces/onlineEndpoints'),
      resourceId: this.endpointId,
      body: {
        properties: {
          // Every deployment is listed (0 when it takes none): azapi merges this patch into the endpoint it reads, so a
          // deployment left out would keep its old weight.
          traffic: Lazy.anyValue({ produce: () => this.trafficWeights }),
          mirrorTraffic: Lazy.anyValue({ produce: () => this.mirrorWeights }),
        },
      },
      retry: TRAFFIC_RETRY,
    });
    return this.trafficUpdate;
  }

  private validateTrafficAndPolicies(): string[] {
    const v = new Validator(this, `traffic (endpoint '${this.endpointName}')`);
    const byName = new Map(this.deploymentList.map(d => [d.deploymentName, d]));
    const known = [...byName.keys()].join(', ') || '(none)';
    this.traffic._validateShape(v);
    const value = this.traffic.toString();
    for (const e of this.traffic._entries) {
      if (isToken(e.name)) continue;
      const mine = byName.get(e.name);
      if (!mine || (e.deployment && e.deployment !== mine)) {
        v.add({ subject: `traffic.${e.name}`, value, rule: `names a deployment that is not one of this endpoint's (${known})`,
          fix: 'add it with endpoint.addDeployment() first, or route traffic only to this endpoint\'s deployments' });
        continue;
      }
      if (isToken(e.weight) || !(e.weight > 0)) continue;
      if (mine.model.archived) {
        v.add({ subject: `traffic.${e.name}`, value: `${mine.model.label} (archived)`, rule: 'sends live traffic to an archived model version',
          fix: `give ${e.name} weight 0 and roll traffic back to a live version, or unarchive ${mine.model.label}` });
      }
      if (mine.retired) {
        v.add({ subject: `traffic.${e.name}`, value, rule: 'sends live traffic to a retired deployment',
          fix: `move its traffic to another deployment first (weight 0), apply, then delete ${e.name} from the code` });
      }
    }
    this.validateMirror(v, byName, known);
    if (!v.hasProblems) this.evaluatePolicies(v);
    return v.toMessages();
  }

  private validateMirror(v: Validator, byName: Map<string, OnlineDeployment>, known: string): void {
    for (const pair of this.mirrorProblems) {
      v.add({ subject: 'mirrorTraffic', value: pair, rule: 'goes to more than one deployment; Azure mirrors to one', fix: 'call endpoint.mirror() once' });
    }
    const m = this.mirrorTarget;
    if (!m) return;
    const name = m.deployment.deploymentName;
    const value = `${name}=${m.percent}`;
    v.integer(`mirrorTraffic.${name}`, m.percent, { min: 0, max: 50 });
    const mine = byName.get(name);
    if (!mine || mine !== m.deployment) {
      v.add({ subject: `mirrorTraffic.${name}`, value, rule: `names a deployment that is not one of this endpoint's (${known})`,
        fix: 'mirror to a deployment added with this endpoint\'s addDeployment()' });
      return;
    }
    // A mirror of 0 is "off" (how the Azure CLI stops mirroring), so only a positive share is checked further.
    if (isToken(m.percent) || !(m.percent > 0)) return;
    const live = this.traffic.weights[name];
    if (typeof live === 'number' && !isToken(live) && live > 0) {
      v.add({ subject: `mirrorTraffic.${name}`, value: `${value}, live ${name}=${live}`,
        rule: 'mirrors to a deployment that also takes live traffic; Azure refuses this',
        fix: `give ${name} live weight 0 while it is mirrored, or stop mirroring it` });
    }
    if (mine.model.archived) {
      v.add({ subject: `mirrorTraffic.${name}`, value: `${mine.model.label} (archived)`, rule: 'mirrors traffic to an archived model version',
        fix: 'mirror to a version that is not archived' });
    }
    if (mine.retired) {
      v.add({ subject: `mirrorTraffic.${name}`, value, rule: 'mirrors traffic to a retired deployment', fix: `stop mirroring ${name} before removing it` });
    }
  }

  private evaluatePolicies(v: Validator): void {
    if (this.policies.size === 0) return;
    const weights = this.traffic.weights;
    const live: LiveDeployment[] = this.deploymentList
      .map(d => ({ name: d.deploymentName, weight: weights[d.deploymentName] ?? 0, model: d.model }))
      .filter(d => typeof d.weight === 'number' && !isToken(d.weight) && d.weight > 0);
    for (const policy of this.policies) policy._evaluate(live).forEach(p => v.add(p));
  }
}

/** A Kubernetes endpoint's compute is an ARM id of a workspace compute (the attached cluster). */
function validateKubernetesCompute(v: Validator, props: OnlineEndpointProps): void {
  const id = props.kubernetesComputeId;
  if (id === undefined || isToken(id)) return;
  v.check(ArmId.isOfType(id, 'Microsoft.MachineLearningServices/workspaces/computes'), () => ({
    subject: 'kubernetesComputeId', value: JSON.stringify(id), rule: 'must be the ARM id of a Kubernetes compute attached to the workspace',
    fix: 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/computes/<name>',
  }));
  v.check(props.allowPublicNetworkAccess === undefined, () => ({
    subject: 'allowPublicNetworkAccess', value: String(props.allowPublicNetworkAccess),
    rule: 'applies to managed online endpoints only; a Kubernetes endpoint is reached through its cluster\'s networking',
    fix: 'remove allowPublicNetworkAccess, or leave out kubernetesComputeId',
  }));
}

function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
}

/** Whether two ARM ids name the same resource (ARM ids are case-insensitive); tokens only when identical. */
function sameArmId(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  return isToken(a) || isToken(b) ? a === b : a.toLowerCase() === b.toLowerCase();
}

/**
 * `<id>-<suffix>`: endpoint names are unique per Azure region, so the suffix is a hash of the workspace's name suffix
 * and its literal name, resource group and location and the construct id, never of the construct path (moving the endpoint in the
 * construct tree keeps its name).
 */
function defaultEndpointName(workspace: IWorkspace, id: string): string {
  const base = NameBuilder.derive(NamingRules.ONLINE_ENDPOINT, [id.toLowerCase()], '').slice(0, 27).replace(/-+$/, '');
  // A created workspace's nameSuffix already holds its resource group and location (which it may know only as tokens).
  const seed = NameBuilder.seed(workspace.nameSuffix !== undefined ? [workspace.nameSuffix, workspace.workspaceName, id]
    : [workspace.workspaceName, workspace.resourceGroupName, workspace.location, id]);
  const name = `${base}-${stableSuffix(seed)}`;
  return /^[a-z]/.test(name) ? name : `e${name}`.slice(0, 32);
}
