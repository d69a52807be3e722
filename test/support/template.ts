import { Aspects, Testing, TerraformStack } from 'cdktf';
import { AzapiSchemaValidation } from '../../lib/validation/azapi-schema-validation';

/** A synthesized resource: its Terraform address parts and its attributes. */
export interface SynthesizedResource {
  readonly type: string;
  readonly logicalId: string;
  /** The construct path cdktf records in the `//` metadata. */
  readonly path: string;
  readonly attributes: Record<string, any>;
}

/**
 * Assertions on a stack's synthesized Terraform JSON (STYLE.md §12): tests look at what Terraform will see, never at
 * a construct's own fields. Synthesis runs aspects and validations, as `cdktf synth` does.
 *
 * Every azapi body is checked against Azure's resource types (the `AzapiSchemaValidation` aspect) unless a test
 * opts out, so no test stack can emit a body that azapi would reject at plan time.
 */
export class Template {
  public static synth(stack: TerraformStack, options: { validateAzapiBodies?: boolean } = {}): Template {
    if (options.validateAzapiBodies ?? true) Aspects.of(stack).add(new AzapiSchemaValidation());
    return new Template(JSON.parse(Testing.synth(stack, true)), stack);
  }

  private constructor(public readonly json: Record<string, any>, private readonly stack: TerraformStack) {}

  /** Every resource of a Terraform type (e.g. `azapi_resource`), in synth order. */
  public resources(type: string): SynthesizedResource[] {
    return this.blocks('resource', type);
  }

  public dataSources(type: string): SynthesizedResource[] {
    return this.blocks('data', type);
  }

  /** The resources of `type` whose attributes deeply contain `props` (objects partially, arrays and scalars exactly). */
  public resourcesWithProperties(type: string, props: Record<string, any>): SynthesizedResource[] {
    return this.resources(type).filter(r => matches(r.attributes, props));
  }

  /** The one resource of `type` matching `props`; fails listing what there is when there is not exactly one. */
  public resourceWithProperties(type: string, props: Record<string, any>): SynthesizedResource {
    const found = this.resourcesWithProperties(type, props);
    if (found.length !== 1) {
      throw new Error(`expected exactly one ${type} matching ${JSON.stringify(props)}, found ${found.length}; ` +
        `there are: ${JSON.stringify(this.resources(type).map(r => r.attributes), null, 1).slice(0, 3000)}`);
    }
    return found[0];
  }

  public hasResourceWithProperties(type: string, props: Record<string, any>): void {
    const found = this.resourcesWithProperties(type, props);
    if (found.length === 0) {
      throw new Error(`no ${type} matches ${JSON.stringify(props)}; there are: ` +
        JSON.stringify(this.resources(type).map(r => r.attributes), null, 1).slice(0, 3000));
    }
  }

  public resourceCountIs(type: string, count: number): void {
    const actual = this.resources(type).length;
    if (actual !== count) throw new Error(`expected ${count} ${type}, found ${actual}`);
  }

  /** Every resource of `type` satisfies `predicate`. */
  public allResources(type: string, predicate: (r: SynthesizedResource) => boolean, what = 'the predicate'): void {
    const failing = this.resources(type).filter(r => !predicate(r));
    if (failing.length > 0) throw new Error(`${failing.length} ${type} fail ${what}: ${failing.map(r => r.path).join(', ')}`);
  }

  /** The resource synthesized from the construct at `pathSuffix` (matched against the end of its construct path). */
  public resourceAt(type: string, pathSuffix: string): SynthesizedResource {
    const found = this.resources(type).filter(r => r.path.endsWith(pathSuffix));
    if (found.length !== 1) {
      throw new Error(`expected one ${type} at a path ending in '${pathSuffix}', found ${found.length}: ` +
        this.resources(type).map(r => r.path).join(', '));
    }
    return found[0];
  }

  /** The Terraform address expression of a resource: `${type.logicalId}`, as references to it appear. */
  public ref(r: SynthesizedResource, attribute = 'id'): string {
    return `\${${r.type}.${r.logicalId}.${attribute}}`;
  }

  public get terraform(): Record<string, any> {
    return this.json.terraform ?? {};
  }

  public provider(name: string): Record<string, any>[] {
    return this.json.provider?.[name] ?? [];
  }

  private blocks(kind: 'resource' | 'data', type: string): SynthesizedResource[] {
    const byId = this.json[kind]?.[type] ?? {};
    const paths = this.paths(kind, type);
    return Object.entries(byId).map(([logicalId, attributes]) => ({
      type, logicalId, path: paths[logicalId] ?? logicalId, attributes: attributes as Record<string, any>,
    }));
  }

  /** Construct paths, from the `//` metadata that Testing.synth strips: read from the stack's own toTerraform. */
  private paths(kind: 'resource' | 'data', type: string): Record<string, string> {
    const tf = this.pathCache ??= this.stack.toTerraform();
    const byId = tf[kind]?.[type] ?? {};
    return Object.fromEntries(Object.entries(byId).map(([id, attrs]: [string, any]) => [id, attrs?.['//']?.metadata?.path ?? id]));
  }

  private pathCache?: Record<string, any>;
}

/** Deep partial match: objects match when every expected key matches; arrays and scalars must be equal. */
export function matches(actual: any, expected: any): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => (v === undefined ? !(k in actual) : matches(actual[k], v)));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => matches(actual[i], v));
  }
  return actual === expected;
}

/** A fresh app and stack for a test. */
export function testStack(id = 'test'): TerraformStack {
  return new TerraformStack(Testing.app(), id);
}
