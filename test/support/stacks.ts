// Assertions over every stack of a multi-stack app, on the JSON cdktf writes (cdktf.out/stacks/<stack>/cdk.tf.json).
// The same checks as test/core/multi-stack.test.ts, shared so that every app of several stacks can be held to them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';

export type Json = Record<string, any>;

/** A fresh App writing into a temporary folder, without cdktf's stack traces in the JSON. */
export function freshApp(label = 'app'): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`)), stackTraces: false });
}

/** Synthesizes `app` as `cdktf synth` does, capturing console output; returns each stack's cdk.tf.json, read back. */
export function synthStacks(app: App): { stacks: Record<string, Json>; output: string[] } {
  const output: string[] = [];
  const spies = (['log', 'warn', 'error'] as const).map(m => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    output.push(args.map(String).join(' '));
  }));
  try {
    app.synth();
  } finally {
    spies.forEach(s => s.mockRestore());
  }
  const dir = path.join(app.outdir, 'stacks');
  const stacks = Object.fromEntries(fs.readdirSync(dir).map(name =>
    [name, JSON.parse(fs.readFileSync(path.join(dir, name, 'cdk.tf.json'), 'utf8'))]));
  return { stacks, output };
}

/** Every `depends_on` entry of a stack's JSON, with the address of the block that holds it. */
export function dependsOnEntries(json: Json): Array<{ from: string; entry: string }> {
  const out: Array<{ from: string; entry: string }> = [];
  for (const kind of ['resource', 'data', 'module'] as const) {
    for (const [type, byId] of Object.entries<Json>(json[kind] ?? {})) {
      for (const [id, block] of Object.entries<Json>(kind === 'module' ? { [type]: byId } : byId)) {
        const from = kind === 'module' ? `module.${type}` : `${kind === 'data' ? 'data.' : ''}${type}.${id}`;
        for (const entry of block.depends_on ?? []) out.push({ from, entry });
      }
    }
  }
  return out;
}

/** The addresses a stack declares: `type.id`, `data.type.id`, `module.name`. */
export function addresses(json: Json): Set<string> {
  const out = new Set<string>();
  for (const [type, byId] of Object.entries<Json>(json.resource ?? {})) Object.keys(byId).forEach(id => out.add(`${type}.${id}`));
  for (const [type, byId] of Object.entries<Json>(json.data ?? {})) Object.keys(byId).forEach(id => out.add(`data.${type}.${id}`));
  Object.keys(json.module ?? {}).forEach(name => out.add(`module.${name}`));
  return out;
}

/**
 * The `depends_on` entries that Terraform would reject or that point outside their stack: each must be a whole
 * resource, data source or module (not an attribute, not `data.terraform_remote_state....outputs...`) of its own
 * stack. Empty when all is well; `count` says how many entries were looked at.
 */
export function badDependsOn(stacks: Record<string, Json>): { count: number; bad: Array<{ stack: string; from: string; entry: string; why: string }> } {
  let count = 0;
  const bad: Array<{ stack: string; from: string; entry: string; why: string }> = [];
  for (const [stack, json] of Object.entries(stacks)) {
    const own = addresses(json);
    for (const { from, entry } of dependsOnEntries(json)) {
      count++;
      const address = entry.replace(/^\$\{(.*)\}$/, '$1');
      const whole = /^(data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(address) || /^module\.[A-Za-z0-9_-]+$/.test(address);
      if (!whole) bad.push({ stack, from, entry, why: 'not a whole object' });
      else if (!own.has(address)) bad.push({ stack, from, entry, why: 'not declared in this stack' });
    }
  }
  return { count, bad };
}

/** Role assignments of a stack's JSON, with their construct paths. */
export function roleAssignments(json: Json): Array<{ path: string; attributes: Json }> {
  return Object.values<Json>(json.resource?.azurerm_role_assignment ?? {}).map(a => ({ path: a['//']?.metadata?.path, attributes: a }));
}

/**
 * What would be declared twice in Azure, across all stacks: an azapi resource (type without api-version, parent,
 * name), an azurerm resource (type, resource group, name), a role assignment (scope, role, principal). Values are
 * compared as written: a Terraform reference is the same value only in its own stack, so it is qualified by it.
 */
const PARENT_ATTRIBUTES = ['resource_group_name', 'storage_account_id', 'storage_account_name', 'storage_container_name',
  'scope', 'target_resource_id', 'key_vault_id', 'project_id', 'parent_id'];

export function duplicateDeclarations(stacks: Record<string, Json>): string[] {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  const qualify = (stack: string, v: unknown) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s !== undefined && s.includes('${') ? `${stack}:${s}` : s;
  };
  const claim = (key: string, who: string) => {
    const before = seen.get(key);
    if (before) duplicates.push(`${key}: ${before} and ${who}`);
    else seen.set(key, who);
  };
  for (const [stack, json] of Object.entries(stacks)) {
    for (const [type, byId] of Object.entries<Json>(json.resource ?? {})) {
      for (const [id, r] of Object.entries<Json>(byId)) {
        const who = `${stack}/${type}.${id}`;
        if (type === 'azurerm_role_assignment') {
          claim(`role ${qualify(stack, r.scope)} ${qualify(stack, r.role_definition_id ?? r.role_definition_name)} ${qualify(stack, r.principal_id)}`, who);
        } else if (type === 'azapi_resource') {
          claim(`${String(r.type).split('@')[0]} ${qualify(stack, r.parent_id)} ${qualify(stack, r.name)}`, who);
        } else if (r.name !== undefined) {
          const parent = PARENT_ATTRIBUTES.filter(a => r[a] !== undefined).map(a => `${a}=${qualify(stack, r[a])}`).join(',');
          claim(`${type} ${parent} ${qualify(stack, r.name)}`, who);
        }
      }
    }
  }
  return duplicates;
}
