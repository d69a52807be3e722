/**
 * One Azure resource, one declaration: a synth-time check over every resource of every stack of the App (the
 * library's and the app's own) that no two constructs would create the same Azure resource, claim the same globally
 * unique name, or make the same role assignment. Terraform would not notice (two addresses, one Azure object): the
 * second apply would fail with a conflict, or worse, both stacks would fight over one resource.
 *
 * | Kind | Identity compared | Across stacks |
 * |---|---|---|
 * | role assignment (`azurerm_role_assignment`) | scope, role definition GUID, principal id | yes |
 * | globally unique name (storage account, Key Vault, container registry, ML registry) | type, name | yes |
 * | online endpoint name (unique per Azure region) | region, name | yes |
 * | azapi resource | type (without api-version), parent id, name | yes |
 * | other azurerm resource with a name | type, name, resource group, `scope` and every `*_name` / `*_id` argument | only between stacks whose azurerm provider names the same literal subscription |
 *
 * Token-aware: values are compared as written, so a value known only at apply (a token) matches only the same token
 * (e.g. the same `workspace.workspaceId` used twice), never a literal or another token. Literals compare without case,
 * as Azure does. Linear in the number of resources: each resource yields a few keys, looked up in one map per App,
 * computed once per synth.
 */
import { TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { formatProblems } from './errors';

interface Claim {
  readonly key: string;
  /** What is claimed, for the message: "storage account name". */
  readonly what: string;
  readonly value: string;
  readonly rule: string;
  readonly path: string;
  readonly stack: TerraformStack;
}

const GLOBAL_NAMES: Record<string, string> = {
  azurerm_storage_account: 'storage account name',
  azurerm_key_vault: 'Key Vault name',
  azurerm_container_registry: 'container registry name',
};
const ML_REGISTRY = 'microsoft.machinelearningservices/registries';
const ONLINE_ENDPOINT = 'microsoft.machinelearningservices/workspaces/onlineendpoints';

const CHECKED = new WeakSet<TerraformStack>();

/**
 * Adds the check to the stack of `scope` (once per stack). Each stack reports the conflicts whose second declaration
 * (in construct-tree order) it holds, so every conflict is reported once, naming both construct paths.
 */
export function checkOneDeclarationPerResource(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (CHECKED.has(stack)) return;
  CHECKED.add(stack);
  stack.node.addValidation({ validate: () => conflictsOf(stack).filter(c => c.second.stack === stack).map(message) });
}

function message(c: { first: Claim; second: Claim }): string {
  return formatProblems(c.second.path, 'Azure resource declaration', [{
    subject: c.second.what, value: c.second.value,
    rule: `is already declared by '${c.first.path}' (${c.second.rule}); two declarations would create or fight over one Azure resource`,
    fix: 'declare it once and pass that object where it is needed (across stacks too), or give one of them another name',
  }]);
}

// The conflicts of an App, computed once per synth: validations of all stacks run in one synchronous pass, and the
// entry is dropped on the next microtask so a later synth (after more constructs are added) computes afresh.
const CONFLICTS = new WeakMap<IConstruct, Array<{ first: Claim; second: Claim }>>();

function conflictsOf(stack: TerraformStack): Array<{ first: Claim; second: Claim }> {
  const root = stack.node.root;
  const cached = CONFLICTS.get(root);
  if (cached) return cached;
  const seen = new Map<string, Claim>();
  const conflicts: Array<{ first: Claim; second: Claim }> = [];
  for (const c of root.node.findAll()) {
    if (!TerraformStack.isStack(c)) continue;
    const subscription = providerSubscription(c);
    for (const r of c.node.findAll()) {
      if (!(r instanceof TerraformResource)) continue;
      for (const claim of claimsOf(r, c, subscription)) {
        const first = seen.get(claim.key);
        if (first === undefined) seen.set(claim.key, claim);
        else if (first.path !== claim.path) conflicts.push({ first, second: claim });
      }
    }
  }
  CONFLICTS.set(root, conflicts);
  queueMicrotask(() => CONFLICTS.delete(root));
  return conflicts;
}

function claimsOf(r: TerraformResource, stack: TerraformStack, subscription: string | undefined): Claim[] {
  const type = r.terraformResourceType;
  if (type === 'azapi_update_resource' || type === 'azapi_resource_action') return []; // they create nothing
  const attrs = attributesOf(r);
  const path = r.node.path;
  const claim = (key: string, what: string, value: string, rule: string): Claim => ({ key, what, value, rule, path, stack });
  const s = (k: string): string | undefined => (typeof attrs[k] === 'string' ? attrs[k] : undefined);

  if (type === 'azurerm_role_assignment') {
    const scope = s('scope');
    const role = s('role_definition_id') ?? s('role_definition_name');
    const principal = s('principal_id');
    if (scope === undefined || role === undefined || principal === undefined) return [];
    const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(role)?.[0] ?? role;
    return [claim(`role|${norm(scope)}|${norm(guid)}|${norm(principal)}`, 'role assignment',
      `scope ${shown(scope)}, role ${shown(guid)}, principal ${shown(principal)}`,
      'Azure allows one assignment per scope, role and principal, and refuses the second with 409 RoleAssignmentExists')];
  }

  const name = s('name');
  if (name === undefined) return [];
  const claims: Claim[] = [];
  if (type === 'azapi_resource') {
    const azureType = norm((s('type') ?? '').split('@')[0]);
    const parent = s('parent_id') ?? '';
    claims.push(claim(`azapi|${azureType}|${norm(parent)}|${norm(name)}`, `${s('type')?.split('@')[0]} name`, shown(name),
      `same type and parent ${shown(parent)}`));
    if (azureType === ML_REGISTRY) {
      claims.push(claim(`global|${azureType}|${norm(name)}`, 'ML registry name', shown(name), 'a registry name is unique in the tenant'));
    }
    const location = s('location');
    if (azureType === ONLINE_ENDPOINT && location !== undefined) {
      claims.push(claim(`region|${azureType}|${norm(location).replace(/\s+/g, '')}|${norm(name)}`, 'online endpoint name', shown(name),
        `online endpoint names are unique per Azure region (${shown(location)})`));
    }
    return claims;
  }
  if (GLOBAL_NAMES[type]) {
    return [claim(`global|${type}|${norm(name)}`, GLOBAL_NAMES[type], shown(name), 'the name is globally unique in Azure')];
  }
  if (!type.startsWith('azurerm_')) return [];
  // Parents and siblings in the key: the resource group, `scope`, `<parent>_name` and `*_id` arguments. Extra arguments only
  // make the key narrower: the check may miss a duplicate, never invent one.
  const parents = Object.keys(attrs).filter(k => k !== 'name' && (k === 'scope' || k.endsWith('_name') || k.endsWith('_id')) && typeof attrs[k] === 'string')
    .sort().map(k => `${k}=${norm(attrs[k])}`);
  const rgScoped = type === 'azurerm_resource_group' || 'resource_group_name' in attrs;
  // A resource group name means one thing per subscription: across stacks only when both name the same subscription.
  const where = rgScoped ? `subscription=${subscription !== undefined ? norm(subscription) : `stack:${stack.node.path}`}` : '';
  claims.push(claim(`azurerm|${type}|${where}|${parents.join('|')}|${norm(name)}`, `${type} name`, shown(name),
    rgScoped ? 'same type and resource group' : 'same type and parent'));
  return claims;
}

function attributesOf(r: TerraformResource): Record<string, any> {
  const tf = r.toTerraform() as { resource?: Record<string, Record<string, Record<string, any>>> };
  const byId = tf.resource?.[r.terraformResourceType] ?? {};
  return Object.values(byId)[0] ?? {};
}

/** The literal `subscription_id` of the stack's default azurerm provider, if it names one. */
function providerSubscription(stack: TerraformStack): string | undefined {
  for (const c of stack.node.children) {
    if (!(c instanceof TerraformProvider) || c.terraformResourceType !== 'azurerm' || c.alias !== undefined) continue;
    const config = (c.toTerraform() as { provider?: Record<string, Array<Record<string, any>>> }).provider?.azurerm?.[0] ?? {};
    const sub = config.subscription_id;
    return typeof sub === 'string' && !Token.isUnresolved(sub) ? sub : undefined;
  }
  return undefined;
}

function norm(value: string): string {
  return Token.isUnresolved(value) ? value : value.toLowerCase();
}

function shown(value: string): string {
  return Token.isUnresolved(value) ? '(known at apply)' : JSON.stringify(value);
}
