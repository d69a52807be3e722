import { at, Json, PolicyResource, refOf, StackFacts } from './rule';

const LOCK_LEVELS = ['CanNotDelete', 'ReadOnly'];

/** Blocks of one resource type in a rendered stack, `{}` when none. */
function blocks(tf: Json, type: string): Json[] {
  return Object.values<Json>(tf.resource?.[type] ?? {});
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/**
 * The relations rules need (what has diagnostics, what is locked, where traffic goes), read from the rendered stack in
 * one pass, so no rule scans the stack per resource. References are matched by address (`${type.name.id}`); a literal
 * ARM id (an imported resource) cannot be matched and counts as not covered.
 */
export function buildStackFacts(tf: Json): StackFacts {
  const diagnosed = new Set<string>();
  for (const d of blocks(tf, 'azurerm_monitor_diagnostic_setting')) {
    const target = refOf(d.target_resource_id);
    const logs = [...listOf(d.enabled_log), ...listOf(d.log).filter(l => at(l, 'enabled') !== false)];
    if (target && logs.length > 0) diagnosed.add(target);
  }
  const locked = new Set<string>();
  for (const l of blocks(tf, 'azurerm_management_lock')) {
    const scope = refOf(l.scope);
    if (scope && LOCK_LEVELS.includes(l.lock_level)) locked.add(scope);
  }
  const traffic = new Map<string, Record<string, number>>();
  for (const type of ['azapi_resource', 'azapi_update_resource']) {
    for (const [name, r] of Object.entries<Json>(tf.resource?.[type] ?? {})) {
      if (!String(r.type ?? '').toLowerCase().startsWith('microsoft.machinelearningservices/workspaces/onlineendpoints@')) continue;
      const split = at(r.body, 'properties.traffic');
      if (!split || typeof split !== 'object') continue;
      const endpoint = type === 'azapi_resource' ? `${type}.${name}` : refOf(r.resource_id);
      if (endpoint) traffic.set(endpoint, split as Record<string, number>);
    }
  }
  const cmk = new Set<string>();
  for (const k of blocks(tf, 'azurerm_storage_account_customer_managed_key')) {
    const account = refOf(k.storage_account_id);
    if (account) cmk.add(account);
  }
  return {
    diagnosedAddresses: diagnosed,
    isLocked: (r: PolicyResource) => {
      if (locked.has(r.address)) return true;
      const group = refOf(r.config.resource_group_name) ?? refOf(r.config.parent_id);
      return group !== undefined && group.startsWith('azurerm_resource_group.') && locked.has(group);
    },
    trafficOf: (address: string) => traffic.get(address),
    hasCustomerManagedKey: (address: string) => cmk.has(address),
  };
}
