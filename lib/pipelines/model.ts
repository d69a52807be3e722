import { NamingRules } from '../core/naming';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { StateContainer } from './identities';

/**
 * What a stage's Azure service connection may reach: a subscription, a resource group in it, or a management group.
 *
 * | subscriptionId | resourceGroupName | managementGroupId | Result |
 * |---|---|---|---|
 * | set | - | - | subscription scope |
 * | set | set | - | resource-group scope: the identities' roles are on the group, which must exist before the DevOps stack is applied |
 * | - | - | set | management-group scope |
 * | - | set | - | ERROR: a resource group needs its subscription |
 * | set | any | set | ERROR: subscription and management group conflict |
 * | - | - | - | ERROR: scoped to nothing |
 *
 * Whose identity (`MlopsPipelines.identities` × `clientId`/`planClientId`):
 *
 * | identities | clientId | planClientId | Result |
 * |---|---|---|---|
 * | set | - | - | the library creates an apply and a plan identity per stage with exactly the roles in the README |
 * | - | set | set | your identities; grant them the roles of the README yourself (synth warns) |
 * | set | set | any | ERROR: conflict |
 * | - | - | - | ERROR: an automatic connection gets Contributor only (no role assignments, no locks, no state) |
 * | - | set | - | ERROR: plan would run with the deploy identity |
 */
export interface AzureScope {
  /** The Entra tenant GUID. */
  readonly tenantId: string;
  /** @default - not scoped to a subscription (then `managementGroupId` is required) */
  readonly subscriptionId?: string;
  /** Display name of the subscription in Azure DevOps. @default - the subscription id */
  readonly subscriptionName?: string;
  /**
   * Give the stage's identities their roles on this resource group only. The group must exist before the DevOps
   * stack is applied (the role assignments are on it), and no deployed stack may create it: an identity whose roles
   * are on a resource group cannot create that group.
   * @default - the roles are on the whole subscription
   */
  readonly resourceGroupName?: string;
  /** @default - not scoped to a management group */
  readonly managementGroupId?: string;
  /** @default - the management group id */
  readonly managementGroupName?: string;
  /**
   * Client id of your own identity (a user-assigned managed identity or app registration) for a *manual* workload
   * identity federation connection. Give it a federated credential with the connection's
   * `workloadIdentityFederationIssuer` and `workloadIdentityFederationSubject`, audience `api://AzureADTokenExchange`.
   * @default - the identity `MlopsPipelines.identities` creates (without `identities`: an error)
   */
  readonly clientId?: string;
  /**
   * Client id of your own read-only identity for the plan stage (its own manual connection), with `clientId`.
   * @default - the plan identity `MlopsPipelines.identities` creates
   */
  readonly planClientId?: string;
}

/** A deployment stage (dev, prod): where stacks deploy, with whose identity, and who approves. */
export interface PipelineStageOptions {
  /** The stage name: letters, digits, `-` and `_`, starting with a letter. */
  readonly name: string;
  /** The Azure scope of the stage's service connection. */
  readonly azure: AzureScope;
  /** A production stage must have approvers. @default false */
  readonly production?: boolean;
  /**
   * Origin ids of the users or groups who approve deployments to this stage. Any stage may have approvers; a
   * production stage must.
   * @default - no approval check (an error for a production stage)
   */
  readonly approvers?: string[];
  /** Shown to approvers. @default - "Review the plan of <stage> in the Plan stage's log, then approve." */
  readonly approvalInstructions?: string;
  /** Minutes before a pending approval fails the run, 1-43200. @default 1440 (one day) */
  readonly approvalTimeoutMinutes?: number;
  /** The deploy (apply) service connection. @default - `azure-<name>` */
  readonly serviceConnectionName?: string;
  /** The read-only service connection of the plan stage. @default - `azure-<name>-plan` */
  readonly planServiceConnectionName?: string;
  /**
   * A self-hosted agent pool inside the network of the stage's storage, for every job that runs Terraform. Needed
   * when a deployed stack uploads blobs (`ModelSource.fromLocalPath`) or reads the storage data plane, and its
   * storage refuses public network access: a Microsoft-hosted agent is outside that network (synth fails otherwise).
   * On GitHub, the label set of a self-hosted runner (`runs-on`).
   * @default - the Microsoft-hosted `vmImage` / `runs-on` image
   */
  readonly agentPool?: string;
  /**
   * The blob container that holds this stage's Terraform state, one per stage (prod's state is then readable and
   * writable by prod's identities only). Every deployed stack of the stage must keep its state there.
   * @default - none: the identities get no role on any state (an error with \`MlopsPipelines.identities\`)
   */
  readonly stateContainer?: StateContainer;
  /** The Azure DevOps environment (and GitHub environment) name. @default - the stage name */
  readonly environmentName?: string;
  /** @default - `mlops-<name>` */
  readonly variableGroupName?: string;
  /**
   * Extra plain (non-secret) variables for the stage's variable group. The group always holds `MLOPS_STAGE`,
   * `ARM_TENANT_ID` and, when known, `ARM_SUBSCRIPTION_ID`.
   * @default - none
   */
  readonly variables?: { [key: string]: string };
}

/** A check that an online endpoint serves after a deploy. */
export interface EndpointSmokeTest {
  readonly endpointName: string;
  readonly workspaceName: string;
  readonly resourceGroupName: string;
  /**
   * Repository-relative path of a request body to score with `az ml online-endpoint invoke`.
   * @default - only checks that the endpoint's provisioning state is `Succeeded`
   */
  readonly requestFile?: string;
}

/** A cdktf stack that the pipeline deploys. */
export interface PipelineStackOptions {
  /** The stack's name in the app (its construct id), as in `cdktf.out/stacks/<name>`. */
  readonly name: string;
  /** The stage it deploys to. */
  readonly stage: string;
  /** Stacks that must be applied before this one is planned. @default - none: planned as soon as the synth is done */
  readonly dependsOn?: string[];
  /** Endpoints to check after the apply. @default - none */
  readonly smokeTests?: EndpointSmokeTest[];
}

/** The resolved model the renderers read. Internal. */
export interface ResolvedStage {
  readonly options: PipelineStageOptions;
  readonly name: string;
  readonly serviceConnectionName: string;
  readonly planServiceConnectionName: string;
  readonly environmentName: string;
  /** The GitHub environment of plan jobs (no reviewers; its own federated credential). */
  readonly planEnvironmentName: string;
  readonly variableGroupName: string;
  readonly variables: { [key: string]: string };
}

export interface ResolvedStack {
  readonly name: string;
  /** An identifier for YAML stage and job names: the name with anything but letters, digits and `_` as `_`. */
  readonly id: string;
  readonly stage: ResolvedStage;
  readonly dependsOn: string[];
  readonly smokeTests: EndpointSmokeTest[];
}

const STAGE_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function stageVariables(stage: PipelineStageOptions): { [key: string]: string } {
  const vars: { [key: string]: string } = { MLOPS_STAGE: stage.name, ARM_TENANT_ID: stage.azure.tenantId };
  if (stage.azure.subscriptionId !== undefined) vars.ARM_SUBSCRIPTION_ID = stage.azure.subscriptionId;
  return { ...vars, ...(stage.variables ?? {}) };
}

export function resolveStages(v: Validator, stages: PipelineStageOptions[]): Map<string, ResolvedStage> {
  const out = new Map<string, ResolvedStage>();
  v.check(stages.length > 0, () => ({ subject: 'stages', value: '[]', rule: 'must declare at least one stage', fix: 'add a stage, e.g. { name: "dev", azure: { tenantId, subscriptionId } }' }));
  stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    v.matches(`${at}.name`, s.name, STAGE_NAME, 'must be letters, digits, "-" and "_", starting with a letter', 'rename the stage, e.g. "prod"');
    if (out.has(s.name)) {
      v.add({ subject: `${at}.name`, value: renderValue(s.name), rule: 'is declared more than once', fix: 'give each stage a unique name' });
      return;
    }
    checkScope(v, `stages.${s.name}.azure`, s.azure);
    const approvers = s.approvers ?? [];
    v.check(!s.production || isToken(s.approvers) || approvers.length > 0, () => ({
      subject: `stages.${s.name}.approvers`, value: renderValue(s.approvers),
      rule: 'must name at least one approver: the stage is production, and production deploys wait for an approval',
      fix: 'add the origin id of a user or group (az devops user show / az devops security group list), or set production: false',
    }));
    v.integer(`stages.${s.name}.approvalTimeoutMinutes`, s.approvalTimeoutMinutes, { min: 1, max: 43200 });
    for (const key of Object.keys(s.variables ?? {})) {
      v.matches(`stages.${s.name}.variables`, key, /^[A-Za-z_][A-Za-z0-9_.]*$/, 'names must be letters, digits, "_" and "."',
        'rename the variable so it maps to an environment variable, e.g. "MODEL_NAME"');
    }
    out.set(s.name, {
      options: s,
      name: s.name,
      serviceConnectionName: s.serviceConnectionName ?? `azure-${s.name}`,
      planServiceConnectionName: s.planServiceConnectionName ?? `azure-${s.name}-plan`,
      environmentName: s.environmentName ?? s.name,
      planEnvironmentName: `${s.environmentName ?? s.name}-plan`,
      variableGroupName: s.variableGroupName ?? `mlops-${s.name}`,
      variables: stageVariables(s),
    });
  });
  return out;
}

function checkScope(v: Validator, at: string, a: AzureScope): void {
  const sub = a.subscriptionId !== undefined && a.subscriptionId !== '';
  const rg = a.resourceGroupName !== undefined && a.resourceGroupName !== '';
  const mg = a.managementGroupId !== undefined && a.managementGroupId !== '';
  v.required(`${at}.tenantId`, a.tenantId, 'give the Entra tenant GUID (az account show --query tenantId)');
  if (!sub && !rg && !mg) {
    v.add({
      subject: at, value: renderValue(a), rule: 'is scoped to nothing: a service connection needs a subscription, a resource group or a management group',
      fix: 'set subscriptionId (and resourceGroupName to narrow it), or managementGroupId',
    });
    return;
  }
  v.check(!(rg && !sub), () => ({ subject: `${at}.resourceGroupName`, value: renderValue(a.resourceGroupName), rule: 'needs subscriptionId', fix: 'set the subscription that holds the resource group' }));
  v.check(!(mg && (sub || rg)), () => ({
    subject: `${at}.managementGroupId`, value: renderValue(a.managementGroupId), rule: 'conflicts with subscriptionId and resourceGroupName',
    fix: 'scope the connection to a subscription (and resource group) or to a management group, not both',
  }));
}

/** The ARM id the stage's identities get their roles on. */
export function scopeIdOf(a: AzureScope): string {
  if (a.managementGroupId) return `/providers/Microsoft.Management/managementGroups/${a.managementGroupId}`;
  const sub = `/subscriptions/${a.subscriptionId}`;
  return a.resourceGroupName ? `${sub}/resourceGroups/${a.resourceGroupName}` : sub;
}

/**
 * Checks the stacks against the stages and each other, and returns them in dependency order (a stack after every
 * stack it depends on; otherwise in declaration order, so the output is stable).
 */
export function resolveStacks(v: Validator, stacks: PipelineStackOptions[], stages: Map<string, ResolvedStage>): ResolvedStack[] {
  v.check(stacks.length > 0, () => ({ subject: 'stacks', value: '[]', rule: 'must declare at least one stack', fix: 'add a stack, e.g. { name: "ml-dev", stage: "dev" }' }));
  const byName = new Map<string, PipelineStackOptions>();
  const ids = new Map<string, string>();
  stacks.forEach((s, i) => {
    const at = `stacks[${i}]`;
    v.matches(`${at}.name`, s.name, STACK_NAME, 'must be letters, digits, "-" and "_" (a cdktf stack name)', 'use the stack\'s construct id, e.g. "ml-prod"');
    if (byName.has(s.name)) {
      v.add({ subject: `${at}.name`, value: renderValue(s.name), rule: 'is declared more than once', fix: 'declare each stack once' });
      return;
    }
    byName.set(s.name, s);
    const id = yamlId(s.name);
    const clash = ids.get(id);
    v.check(clash === undefined, () => ({
      subject: `${at}.name`, value: renderValue(s.name), rule: `maps to the same pipeline stage id "${id}" as "${clash}"`,
      fix: 'rename one of the stacks so they differ in more than "-" versus "_"',
    }));
    ids.set(id, s.name);
    v.check(stages.has(s.stage), () => ({
      subject: `stacks.${s.name}.stage`, value: renderValue(s.stage), rule: 'names no declared stage',
      fix: `use one of ${[...stages.keys()].map(n => JSON.stringify(n)).join(', ') || '(no stages declared)'}`,
    }));
    (s.smokeTests ?? []).forEach((t, j) => {
      v.name(`stacks.${s.name}.smokeTests[${j}].endpointName`, t.endpointName, NamingRules.ONLINE_ENDPOINT);
      v.name(`stacks.${s.name}.smokeTests[${j}].workspaceName`, t.workspaceName, NamingRules.ML_WORKSPACE);
      v.name(`stacks.${s.name}.smokeTests[${j}].resourceGroupName`, t.resourceGroupName, NamingRules.RESOURCE_GROUP);
    });
  });

  let unknown = false;
  for (const s of byName.values()) {
    for (const dep of s.dependsOn ?? []) {
      if (!byName.has(dep)) {
        unknown = true;
        v.add({
          subject: `stacks.${s.name}.dependsOn`, value: renderValue(dep), rule: 'names no stack of this pipeline',
          fix: `use one of ${[...byName.keys()].filter(n => n !== s.name).map(n => JSON.stringify(n)).join(', ') || '(no other stacks)'}, or declare the stack in stacks`,
        });
      }
    }
  }
  if (unknown) return [];

  const cycle = findCycle(byName);
  if (cycle) {
    v.add({
      subject: 'stacks', value: cycle.join(' -> '), rule: 'form a dependency cycle, so no stack in it can be deployed first',
      fix: `remove one of the dependencies in the cycle (e.g. "${cycle[cycle.length - 2]}" on "${cycle[cycle.length - 1]}")`,
    });
    return [];
  }
  if (v.hasProblems) return [];

  const ordered: ResolvedStack[] = [];
  const done = new Set<string>();
  const pending = [...byName.values()];
  while (pending.length > 0) {
    const next = pending.findIndex(s => (s.dependsOn ?? []).every(d => done.has(d)));
    const s = pending.splice(next, 1)[0];
    done.add(s.name);
    ordered.push({
      name: s.name, id: yamlId(s.name), stage: stages.get(s.stage)!, dependsOn: [...new Set(s.dependsOn ?? [])], smokeTests: s.smokeTests ?? [],
    });
  }
  return ordered;
}

/** The first cycle found walking the stacks in declaration order, as `a -> b -> a`. */
function findCycle(byName: Map<string, PipelineStackOptions>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const dep of byName.get(name)!.dependsOn ?? []) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of byName.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}

export function yamlId(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Quotes a value for bash: single quotes, with embedded single quotes escaped. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
