import { Annotations, DefaultTokenResolver, IAspect, StringConcat, TerraformResource, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import {
  AzureRequest, AzureValidationMode, formatAzureTypeProblem, isPlainObject, validateAzureRequest,
} from './azure-type-validator';

/** Options for {@link AzapiSchemaValidation}. */
export interface AzapiSchemaValidationProps {
  /**
   * Whether a body that Azure's schema rejects fails `cdktf synth`.
   *
   * When false, each problem is reported as a warning annotation and synth goes on.
   *
   * @default true - every problem is an error annotation and a construct validation, so synth fails
   */
  readonly failOnError?: boolean;
}

const MODES: Record<string, AzureValidationMode> = {
  azapi_resource: 'create',
  azapi_update_resource: 'update',
};

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Checks every `azapi_resource` and `azapi_update_resource` body against Azure's resource type definitions at synth,
 * with the rules azapi applies at plan time — unknown, read-only and missing required properties, enum values,
 * patterns, lengths, integer ranges and discriminated kinds — so a bad body fails in seconds on a laptop instead of
 * at `terraform plan` in a pipeline.
 *
 * It reads each resource's synthesized configuration, so it checks raw `TerraformResource`s and escape-hatch
 * overrides as well as this library's constructs. Values only known at apply time (`${...}`) are accepted. Resources
 * with `schema_validation_enabled = false` are skipped, as azapi skips them.
 *
 * @example
 * Aspects.of(stack).add(new AzapiSchemaValidation());
 */
export class AzapiSchemaValidation implements IAspect {
  private readonly failOnError: boolean;
  // Aspects may visit a construct more than once (nested stacks, repeated synth): report each resource once.
  private readonly visited = new WeakSet<IConstruct>();

  constructor(props: AzapiSchemaValidationProps = {}) {
    this.failOnError = props.failOnError ?? true;
  }

  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node) || this.visited.has(node)) return;
    const mode = MODES[node.terraformResourceType];
    if (!mode) return;
    this.visited.add(node);

    const config = synthesizedConfig(node);
    if (!config || config.schema_validation_enabled === false) return;
    const type = config.type as string;
    const messages = validateAzureRequest(azapiRequestOf(config), mode)
      .map((p) => `${node.terraformResourceType} ${JSON.stringify(type)}: ${formatAzureTypeProblem(p)}`);
    if (messages.length === 0) return;

    const annotations = Annotations.of(node);
    if (this.failOnError) {
      messages.forEach((m) => annotations.addError(m));
      node.node.addValidation({ validate: () => messages });
    } else {
      messages.forEach((m) => annotations.addWarning(m));
    }
  }
}

/** The resource's own block as it will be synthesized, tokens resolved to `${...}` expressions. */
function synthesizedConfig(node: TerraformResource): Record<string, unknown> | undefined {
  const resolved = Tokenization.resolve(node.toTerraform(), { scope: node, preparing: false, resolver: RESOLVER });
  const blocks = resolved?.resource?.[node.terraformResourceType] as Record<string, Record<string, unknown>> | undefined;
  return blocks ? Object.values(blocks)[0] : undefined;
}

/**
 * The request azapi validates, from a synthesized `azapi_resource` / `azapi_update_resource` block: body (with
 * `sensitive_body` merged over it), name, location, tags and identity. Also used by tests on synthesized JSON files.
 */
export function azapiRequestOf(config: Record<string, unknown>): AzureRequest {
  // A block list synthesizes as `[{ type, identity_ids }]`; an override may have written a bare object.
  const block = Array.isArray(config.identity) ? config.identity[0] : config.identity;
  const identity = block && typeof block === 'object'
    ? { type: (block as Record<string, unknown>).type, identityIds: (block as Record<string, unknown>).identity_ids }
    : undefined;
  return {
    type: config.type as string,
    // azapi merge-patches `sensitive_body` over `body` before validating.
    body: config.sensitive_body === undefined ? config.body : mergePatch(config.body, config.sensitive_body),
    name: config.name as string | undefined,
    location: config.location as string | undefined,
    tags: config.tags,
    identity,
  };
}

/** RFC 7386 JSON merge patch: objects merge key by key, `null` removes a key, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
