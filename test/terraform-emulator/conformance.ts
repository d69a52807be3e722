/**
 * Checks synthesized Terraform JSON against provider schemas the way Terraform's decoder would, before Terraform
 * does: every key is an attribute or block of the schema, values have a compatible shape, required arguments and
 * blocks are present, and nothing read-only is set. `${...}` references are unknown at this point and pass.
 */
import type { AttributeSchema, BlockSchema, CtyType, ProviderSchema } from '../../tools/terraform-emulator/src/schema/model';

/** Meta-arguments Terraform handles itself; they are never in a provider's schema. */
const META = new Set(['//', 'count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);
const PROVIDER_META = new Set(['//', 'alias', 'version']);

const isRef = (v: unknown) => typeof v === 'string' && v.includes('${');

export function conformanceProblems(json: any, schemas: Record<string, ProviderSchema>): string[] {
  const problems: string[] = [];
  const schemaFor = (type: string) => schemas[type.split('_')[0]];
  for (const [name, configs] of Object.entries<any>(json.provider ?? {})) {
    const s = schemas[name];
    if (s === undefined) { problems.push(`provider ${name}: no schema`); continue; }
    for (const c of [configs].flat()) checkBlock(c, s.provider, `provider.${name}`, problems, PROVIDER_META);
  }
  for (const [kind, key] of [['resource', 'resources'], ['data', 'dataSources']] as const) {
    for (const [type, byName] of Object.entries<any>(json[kind] ?? {})) {
      const r = schemaFor(type)?.[key][type];
      if (r === undefined) { problems.push(`${kind}.${type}: no schema`); continue; }
      for (const [n, body] of Object.entries<any>(byName)) checkBlock(body, r.block, `${kind}.${type}.${n}`, problems, META);
    }
  }
  return problems;
}

function checkBlock(value: any, schema: BlockSchema, where: string, problems: string[], meta = new Set<string>()): void {
  if (isRef(value)) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  for (const [k, v] of Object.entries<any>(value)) {
    if (meta.has(k)) continue;
    const a = schema.attributes[k];
    const b = schema.blocks[k];
    if (a !== undefined) {
      if (a.computed && !a.optional && !a.required) problems.push(`${where}.${k}: read-only attribute set`);
      checkAttribute(v, a, `${where}.${k}`, problems);
    } else if (b !== undefined) {
      const items = b.nesting === 'single' || b.nesting === 'group' ? [v] : [v].flat();
      if (b.maxItems !== undefined && items.length > b.maxItems) problems.push(`${where}.${k}: ${items.length} blocks, at most ${b.maxItems}`);
      items.forEach((item, i) => checkBlock(item, b.block, `${where}.${k}[${i}]`, problems));
    } else {
      problems.push(`${where}.${k}: not in the schema`);
    }
  }
  for (const [k, a] of Object.entries(schema.attributes)) {
    if (a.required && !(k in value)) problems.push(`${where}.${k}: required attribute missing`);
  }
  for (const [k, b] of Object.entries(schema.blocks)) {
    if ((b.minItems ?? 0) > 0 && !(k in value)) problems.push(`${where}.${k}: required block missing`);
  }
}

function checkAttribute(v: unknown, a: AttributeSchema, where: string, problems: string[]): void {
  if (a.nested !== undefined) {
    const nestedBlock: BlockSchema = { attributes: a.nested.attributes, blocks: {} };
    if (a.nested.nesting === 'single') checkBlock(v, nestedBlock, where, problems);
    else if (!isRef(v)) [v].flat().forEach((x, i) => checkBlock(x, nestedBlock, `${where}[${i}]`, problems));
    return;
  }
  const problem = typeProblem(v, a.type!);
  if (problem) problems.push(`${where}: ${problem}`);
}

/** Whether Terraform could convert the JSON value `v` to the cty type `t` (strings stand in for numbers and bools). */
export function typeProblem(v: unknown, t: CtyType): string | undefined {
  if (v === null || isRef(v) || t === 'dynamic') return undefined;
  if (t === 'string') return ['string', 'number', 'boolean'].includes(typeof v) ? undefined : `expected a string, got ${JSON.stringify(v)}`;
  if (t === 'number') return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) ? undefined : `expected a number, got ${JSON.stringify(v)}`;
  if (t === 'bool') return typeof v === 'boolean' || v === 'true' || v === 'false' ? undefined : `expected a bool, got ${JSON.stringify(v)}`;
  const [kind, element] = t as [string, any];
  if (kind === 'list' || kind === 'set') {
    if (!Array.isArray(v)) return `expected a ${kind}, got ${JSON.stringify(v)}`;
    return v.map(x => typeProblem(x, element)).find(Boolean);
  }
  if (kind === 'map' || kind === 'object') {
    if (typeof v !== 'object' || Array.isArray(v)) return `expected a ${kind}, got ${JSON.stringify(v)}`;
    return Object.entries(v as object).map(([k, x]) => {
      if (kind === 'map') return typeProblem(x, element);
      return k in element ? typeProblem(x, element[k]) : `object attribute ${k} not in the type`;
    }).find(Boolean);
  }
  return `unknown type ${JSON.stringify(t)}`;
}
