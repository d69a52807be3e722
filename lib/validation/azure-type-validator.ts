/**
 * Validates azapi request bodies against Azure's own resource type definitions (bicep-types), the same data and the
 * same rules the azapi provider applies at plan time — so a body that passes here passes `terraform plan`'s schema
 * validation, without a cloud. See `shared/schemas/README.md`, "Validation rules as azapi applies them".
 *
 * The definitions are a pruned copy in `./azure-types/` (see its PROVENANCE.md), loaded on first use.
 *
 * Not part of the jsii API (it takes arbitrary JSON); the jsii entry point exposes it through the
 * `AzapiSchemaValidation` aspect. TypeScript users and tests import it from this module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { didYouMean } from '../core/did-you-mean';

/** One problem with a request: where (a dotted path into the body, e.g. `properties.traffic.blue`) and what. */
export interface AzureTypeProblem {
  /** Dotted path from the top of the request; array items as `[i]`. `type` for problems with the type itself. */
  readonly path: string;
  /** What is wrong and what to do, e.g. "is read-only and must not be set. Remove it: Azure computes it". */
  readonly message: string;
}

/**
 * `create`: an `azapi_resource` body, a full PUT — required properties are checked.
 * `update`: an `azapi_update_resource` body, which patches a subset — required properties are not checked, every
 * other rule is.
 */
export type AzureValidationMode = 'create' | 'update';

/** A request as azapi builds it from an `azapi_resource` / `azapi_update_resource`. */
export interface AzureRequest {
  /** `<resource type>@<api-version>`; the type is matched case-insensitively, as ARM and azapi do. */
  readonly type: string;
  /** The `body` (an object, or a JSON string, or a `${...}` expression). */
  readonly body?: unknown;
  readonly name?: string;
  readonly location?: string;
  readonly tags?: unknown;
  /** The `identity` block: azapi sends `{ type, userAssignedIdentities: { <id>: null } }`. */
  readonly identity?: { readonly type?: unknown; readonly identityIds?: unknown };
}

// ---- the type graph (bicep-types format, see shared/schemas/README.md) ----

interface Ref { readonly $ref: string }
interface Property { readonly type: Ref; readonly flags: number }
type TypeNode =
  | { readonly $type: 'ResourceType'; readonly name: string; readonly body: Ref; readonly writableScopes: number }
  | { readonly $type: 'ObjectType'; readonly name: string; readonly properties: Record<string, Property>; readonly additionalProperties?: Ref }
  | {
    readonly $type: 'DiscriminatedObjectType'; readonly name: string; readonly discriminator: string;
    readonly baseProperties: Record<string, Property>; readonly elements: Record<string, Ref>;
  }
  | { readonly $type: 'StringType'; readonly minLength?: number; readonly maxLength?: number; readonly pattern?: string }
  | { readonly $type: 'StringLiteralType'; readonly value: string }
  | { readonly $type: 'UnionType'; readonly elements: Ref[] }
  | { readonly $type: 'IntegerType'; readonly minValue?: number; readonly maxValue?: number }
  | { readonly $type: 'ArrayType'; readonly itemType: Ref; readonly minLength?: number; readonly maxLength?: number }
  | { readonly $type: 'BooleanType' } | { readonly $type: 'AnyType' } | { readonly $type: 'NullType' };

const REQUIRED = 1;
const READ_ONLY = 2;

/**
 * Properties that are fractions in the REST spec but that the bicep generator typed as IntegerType (azapi never
 * notices: it range-checks only values Terraform types as ints). Non-integers are accepted for these names only.
 */
const FLOATS_TYPED_AS_INTEGER = new Set(['samplingRate', 'SamplingPercentage']);

interface IndexEntry { readonly name: string; readonly file: string; readonly index: number }

// Parsed once per process: the ML file is ~100 KB and a synth may validate hundreds of bodies.
let typeIndex: Record<string, IndexEntry> | undefined;
const typeFiles = new Map<string, TypeNode[]>();
const regexCache = new Map<string, RegExp | null>();

function loadJson(file: string): unknown {
  // Next to this module both as .ts (jest) and as compiled .js (the published package).
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'azure-types', file), 'utf8'));
}

function index(): Record<string, IndexEntry> {
  typeIndex ??= (loadJson('index.json') as { resources: Record<string, IndexEntry> }).resources;
  return typeIndex;
}

function nodesOf(file: string): TypeNode[] {
  let nodes = typeFiles.get(file);
  if (!nodes) {
    nodes = loadJson(file) as TypeNode[];
    typeFiles.set(file, nodes);
  }
  return nodes;
}

/** Every `<Type>@<api-version>` this validator knows, in the spec's casing. */
export function supportedAzureTypes(): string[] {
  return Object.values(index()).map((e) => e.name).sort();
}

/**
 * Validates one azapi request. Returns every problem found (empty when azapi's plan-time check would pass).
 *
 * ```ts
 * validateAzureRequest({ type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
 *   name: 'churn', location: 'westeurope', body: { properties: { authMode: 'AADToken' } } });
 * ```
 */
export function validateAzureRequest(request: AzureRequest, mode: AzureValidationMode = 'create'): AzureTypeProblem[] {
  const found = findType(request.type);
  if ('problem' in found) return [found.problem];
  const { nodes, resource } = found;
  if (resource.writableScopes === 0) {
    return [{ path: 'type', message: `${resource.name} is read-only in Azure (GET only): it cannot be created or updated. Use a data source instead` }];
  }

  let body = request.body;
  if (typeof body === 'string' && !isExpression(body)) {
    // azapi v1 style `jsonencode(...)` already rendered to JSON text: validate what it holds.
    try { body = JSON.parse(body); } catch { return [{ path: 'body', message: 'is a string that is not JSON. Pass the body as an object' }]; }
  }
  if (isExpression(body)) return []; // the whole body is unknown until apply
  if (body !== undefined && body !== null && !isPlainObject(body)) {
    return [{ path: 'body', message: `must be an object (got ${kindOf(body)}). Pass the request body as an object` }];
  }

  const input: Record<string, unknown> = { ...(body as Record<string, unknown> | undefined) };
  if (request.name !== undefined) input.name = request.name;
  if (request.location !== undefined) input.location = request.location;
  if (request.tags !== undefined) input.tags = request.tags;
  if (request.identity !== undefined) input.identity = identityBody(request.identity);

  const problems: AzureTypeProblem[] = [];
  new Walker(nodes, mode, problems).check(input, resource.body, '');
  // azapi drops these: the provider's default_location / default_tags can supply them.
  return problems.filter((p) => !((p.path === 'location' || p.path === 'tags') && p.message.startsWith('is required')));
}

/** A class form of `validateAzureRequest`, for callers that prefer to hold a validator in a given mode. */
export class AzureTypeValidator {
  constructor(private readonly mode: AzureValidationMode = 'create') {}

  public validate(request: AzureRequest): AzureTypeProblem[] {
    return validateAzureRequest(request, this.mode);
  }
}

/** Formats a problem the way the aspect reports it: "`properties.foo` is not expected here. ..." */
export function formatAzureTypeProblem(problem: AzureTypeProblem): string {
  return problem.path ? `\`${problem.path}\` ${problem.message}` : problem.message;
}

function identityBody(identity: NonNullable<AzureRequest['identity']>): unknown {
  if (isExpression(identity)) return identity;
  const out: Record<string, unknown> = { type: identity.type };
  const ids = identity.identityIds;
  if (Array.isArray(ids) && ids.length > 0) {
    out.userAssignedIdentities = Object.fromEntries(ids.map((id) => [String(id), null]));
  } else if (isExpression(ids)) {
    out.userAssignedIdentities = ids;
  }
  return out;
}

type Found = { nodes: TypeNode[]; resource: Extract<TypeNode, { $type: 'ResourceType' }> } | { problem: AzureTypeProblem };

function findType(type: unknown): Found {
  if (typeof type !== 'string' || isExpression(type)) {
    return { problem: { path: 'type', message: `must be a literal "<resource type>@<api-version>" (got ${JSON.stringify(type)}). Write the type and api-version as a plain string` } };
  }
  const entry = index()[type.toLowerCase()];
  if (entry) {
    const nodes = nodesOf(entry.file);
    return { nodes, resource: nodes[entry.index] as Extract<TypeNode, { $type: 'ResourceType' }> };
  }
  const [resourceType, apiVersion] = type.split('@');
  if (apiVersion === undefined) {
    return { problem: { path: 'type', message: `"${type}" has no api-version. Write it as "<resource type>@<api-version>", e.g. "${resourceType}@2026-05-01"` } };
  }
  const versions = supportedAzureTypes()
    .filter((t) => t.split('@')[0].toLowerCase() === resourceType.toLowerCase())
    .map((t) => t.split('@')[1]);
  if (versions.length > 0) {
    return {
      problem: {
        path: 'type',
        message: `api-version "${apiVersion}" of ${resourceType} is not supported; supported versions: ${versions.join(', ')}. ` +
          `Use one of them (azapi rejects api-versions its schema does not embed)`,
      },
    };
  }
  return {
    problem: {
      path: 'type',
      message: `resource type ${resourceType} is not known to this validator. Supported types: ${supportedAzureTypes().join(', ')}. ` +
        'Check the spelling, or add the type to scripts/vendor-schemas.js and re-run it',
    },
  };
}

// ---- the walk ----

class Walker {
  constructor(
    private readonly nodes: TypeNode[],
    private readonly mode: AzureValidationMode,
    private readonly problems: AzureTypeProblem[],
  ) {}

  public check(value: unknown, ref: Ref, at: string): void {
    // null is "not set" to azapi; a `${...}` string is unknown until apply, wherever it appears.
    if (value === null || value === undefined || isExpression(value)) return;
    const node = this.node(ref);
    switch (node.$type) {
      case 'ObjectType': return this.object(value, node, at);
      case 'DiscriminatedObjectType': return this.discriminated(value, node, at);
      case 'StringType': return this.string(value, node, at);
      case 'StringLiteralType':
        if (value !== node.value) this.add(at, `must be ${JSON.stringify(node.value)} (got ${render(value)}). Use exactly that value (case-sensitive)`);
        return;
      case 'UnionType': return this.union(value, node, at);
      case 'IntegerType': return this.integer(value, node, at);
      case 'BooleanType':
        // azapi accepts anything here; we are stricter, because ARM would reject "true" as a string.
        if (typeof value !== 'boolean') this.add(at, `must be a boolean (got ${kindOf(value)} ${render(value)}). Write true or false without quotes`);
        return;
      case 'ArrayType': return this.array(value, node, at);
      case 'AnyType': return;
      default: return;
    }
  }

  private node(ref: Ref): TypeNode {
    return this.nodes[Number(ref.$ref.slice(2))];
  }

  private add(at: string, message: string): void {
    this.problems.push({ path: at, message });
  }

  private object(value: unknown, node: Extract<TypeNode, { $type: 'ObjectType' }>, at: string): void {
    if (!isPlainObject(value)) {
      this.add(at, `must be an object (got ${kindOf(value)} ${render(value)}). Write it as an object of ${node.name}`);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const keyPath = join(at, key);
      const prop = node.properties[key];
      if (prop) {
        if (prop.flags & READ_ONLY) {
          // Required+ReadOnly (e.g. a literal azapi fills in) is skipped, as azapi does.
          if (!(prop.flags & REQUIRED) && v !== null) this.readOnly(keyPath);
          continue;
        }
        this.check(v, prop.type, keyPath);
      } else if (node.additionalProperties) {
        this.check(v, node.additionalProperties, keyPath);
      } else {
        this.unknown(keyPath, key, node.name, node.properties);
      }
    }
    this.required(value, node.properties, at, (flags) => !(flags & READ_ONLY));
  }

  private discriminated(value: unknown, node: Extract<TypeNode, { $type: 'DiscriminatedObjectType' }>, at: string): void {
    if (!isPlainObject(value)) {
      this.add(at, `must be an object (got ${kindOf(value)} ${render(value)}). Write it as an object of ${node.name}`);
      return;
    }
    const allowed = Object.keys(node.elements);
    const rest: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const prop = node.baseProperties[key];
      if (!prop) { rest[key] = v; continue; }
      // Unlike ObjectType, a read-only base property is an error even when it is also required.
      if (prop.flags & READ_ONLY) { if (v !== null) this.readOnly(join(at, key)); continue; }
      this.check(v, prop.type, join(at, key));
    }
    this.required(value, node.baseProperties, at, () => true);

    const kind = value[node.discriminator];
    const kindPath = join(at, node.discriminator);
    if (isExpression(kind)) return; // the variant is unknown until apply
    if (kind === undefined || kind === null) {
      if (this.mode === 'create') {
        this.add(kindPath, `is required: it selects the kind of ${node.name}. Set it to one of ${quoteAll(allowed)}`);
        return;
      }
      // A patch may leave the kind out: accept a key that some variant defines.
      this.anyVariant(rest, node, at);
      return;
    }
    const element = typeof kind === 'string' ? node.elements[kind] : undefined;
    if (!element) {
      this.add(kindPath, `must be one of ${quoteAll(allowed)} (got ${render(kind)}): it selects the kind of ${node.name}. Use one of them (case-sensitive)`);
      return;
    }
    this.check(rest, element, at);
  }

  private anyVariant(rest: Record<string, unknown>, node: Extract<TypeNode, { $type: 'DiscriminatedObjectType' }>, at: string): void {
    const variants = Object.values(node.elements).map((r) => this.node(r)).filter(isObjectType);
    for (const [key, v] of Object.entries(rest)) {
      const owner = variants.find((o) => o.properties[key]);
      if (!owner) {
        const all = Object.assign({}, ...variants.map((o) => o.properties)) as Record<string, Property>;
        this.unknown(join(at, key), key, node.name, all);
        continue;
      }
      const prop = owner.properties[key];
      if (prop.flags & READ_ONLY) { if (!(prop.flags & REQUIRED) && v !== null) this.readOnly(join(at, key)); continue; }
      this.check(v, prop.type, join(at, key));
    }
  }

  private required(value: Record<string, unknown>, props: Record<string, Property>, at: string, applies: (flags: number) => boolean): void {
    if (this.mode === 'update') return;
    for (const [key, prop] of Object.entries(props)) {
      if (!(prop.flags & REQUIRED) || !applies(prop.flags)) continue;
      if (at === '' && key === 'name') continue; // azapi takes the name from the `name` argument
      if (value[key] === undefined || value[key] === null) this.add(join(at, key), 'is required. Set it in the body');
    }
  }

  private readOnly(at: string): void {
    this.add(at, 'is read-only and must not be set: Azure computes it. Remove it from the body');
  }

  private unknown(at: string, key: string, typeName: string, props: Record<string, Property>): void {
    const writable = Object.keys(props).filter((k) => !(props[k].flags & READ_ONLY));
    const guess = didYouMean(key, writable);
    const hint = guess ? `Did you mean \`${guess}\`? ` : '';
    const list = writable.length <= 25 ? ` ${typeName} accepts: ${writable.join(', ')}` : '';
    this.add(at, `is not expected here. ${hint}Remove it, or use a property ${typeName} defines.${list}`);
  }

  private string(value: unknown, node: Extract<TypeNode, { $type: 'StringType' }>, at: string): void {
    if (typeof value !== 'string') {
      this.add(at, `must be a string (got ${kindOf(value)} ${render(value)}). Write it as a string`);
      return;
    }
    // Go counts bytes; the same as characters for ASCII.
    const length = Buffer.byteLength(value, 'utf8');
    if (node.minLength !== undefined && length < node.minLength) {
      this.add(at, `must be at least ${node.minLength} characters long (got ${length}: ${render(value)}). Lengthen it`);
    }
    if (node.maxLength !== undefined && length > node.maxLength) {
      this.add(at, `must be at most ${node.maxLength} characters long (got ${length}: ${render(value)}). Shorten it`);
    }
    const re = node.pattern === undefined ? null : compile(node.pattern);
    if (re && !re.test(value)) {
      this.add(at, `does not match pattern ${node.pattern} (got ${render(value)}). Change the value so that it matches`);
    }
  }

  private union(value: unknown, node: Extract<TypeNode, { $type: 'UnionType' }>, at: string): void {
    const literals: string[] = [];
    const others: Ref[] = [];
    for (const ref of node.elements) {
      const el = this.node(ref);
      if (el.$type === 'StringLiteralType') {
        if (el.value === value) return;
        literals.push(el.value);
      } else {
        others.push(ref);
      }
    }
    // Try the structural members quietly; the first that fits wins.
    let firstFailure: AzureTypeProblem[] | undefined;
    for (const ref of others) {
      const trial: AzureTypeProblem[] = [];
      new Walker(this.nodes, this.mode, trial).check(value, ref, at);
      if (trial.length === 0) return;
      firstFailure ??= trial;
    }
    if (literals.length > 0) {
      this.add(at, `must be one of ${quoteAll(literals)} (got ${render(value)}). Use one of them (case-sensitive)`);
    } else if (others.length === 1 && firstFailure) {
      this.problems.push(...firstFailure);
    } else {
      this.add(at, `does not match any of the allowed types (got ${render(value)}). Check the value's shape against the Azure REST API reference`);
    }
  }

  private integer(value: unknown, node: Extract<TypeNode, { $type: 'IntegerType' }>, at: string): void {
    // Stricter than azapi, which skips values Terraform types as floats: an oracle should not let "1" or 1.5 through.
    const isFloatField = FLOATS_TYPED_AS_INTEGER.has(at.slice(at.lastIndexOf('.') + 1));
    if (typeof value !== 'number' || !Number.isFinite(value) || (!Number.isInteger(value) && !isFloatField)) {
      const fix = typeof value === 'string' ? 'Write it as a JSON number without quotes' : 'Use a whole number';
      this.add(at, `must be an integer (got ${kindOf(value)} ${render(value)}). ${fix}`);
      return;
    }
    const { minValue: min, maxValue: max } = node;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      this.add(at, `must be ${range} (got ${value}). Use a value ${range}`);
    }
  }

  private array(value: unknown, node: Extract<TypeNode, { $type: 'ArrayType' }>, at: string): void {
    if (!Array.isArray(value)) {
      this.add(at, `must be an array (got ${kindOf(value)} ${render(value)}). Write it as a list`);
      return;
    }
    if (node.minLength !== undefined && value.length < node.minLength) {
      this.add(at, `must have at least ${node.minLength} items (got ${value.length}). Add items`);
    }
    if (node.maxLength !== undefined && value.length > node.maxLength) {
      this.add(at, `must have at most ${node.maxLength} items (got ${value.length}). Remove items`);
    }
    value.forEach((item, i) => this.check(item, node.itemType, `${at}[${i}]`));
  }
}

// ---- helpers ----

/** A Terraform expression: unknown at plan time, so accepted wherever it appears (as azapi does). */
function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectType(node: TypeNode): node is Extract<TypeNode, { $type: 'ObjectType' }> {
  return node.$type === 'ObjectType';
}

function join(at: string, key: string): string {
  return at === '' ? key : `${at}.${key}`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const t = typeof value;
  if (t === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return t === 'object' ? 'an object' : `a ${t}`;
}

function render(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Patterns are searched, not fully matched; patterns RE2 cannot compile (look-arounds) are skipped, as azapi does. */
function compile(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    if (/\(\?<?[=!]/.test(pattern)) {
      re = null;
    } else {
      try { re = new RegExp(pattern); } catch { re = null; }
    }
    regexCache.set(pattern, re);
  }
  return re;
}

/** The closest name by edit distance, when close enough to be a plausible typo. */
