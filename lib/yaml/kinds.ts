/**
 * The kinds `yaml check` and `yaml convert` know: how a file is recognized and what loads it into a scratch app.
 * An explicit list (no global registry to mutate): a new kind is one more entry in {@link YAML_KINDS}, built from
 * each module's own list. Not part of the jsii API.
 */
import { TerraformStack } from 'cdktf';
import { IRegistry } from '../registry/registry-base';
import { UserAssignedIdentityAttributes } from '../workspace/identity';
import { IWorkspace } from '../workspace/workspace-base';
import { YamlLoadOptions } from './options';

/** What a kind's `check` gets: a scratch stack, and imported parents created on first use. */
export interface ScratchContext {
  readonly stack: TerraformStack;
  /** An imported workspace with an artifact store (created once per context). */
  workspace(): IWorkspace;
  /** An imported registry named `name` (created once per name). */
  registry(name: string): IRegistry;
  /** The ARM id of compute `name` in the scratch workspace. */
  computeId(name: string): string;
  /** The scratch resource group's ARM id (what the CLI's `-g` names). */
  readonly resourceGroupId: string;
  /** The scratch region, for files that leave their location to the resource group. */
  readonly location: string;
  /** A placeholder user-assigned identity, for files that name one by id only. */
  readonly placeholderIdentity: UserAssignedIdentityAttributes;
}

/** One kind of CLI v2 YAML file. */
export interface YamlKind {
  /** `model`, `environment`, `managedOnlineDeployment`, ... as the CLI names its schemas. */
  readonly kind: string;
  /** File names of the CLI's `$schema` URLs that mean this kind, e.g. `model.schema.json`. */
  readonly schemaFiles: readonly string[];
  /** Recognizes a file without `$schema` by its keys; first match in list order wins. */
  readonly detect: (data: { [key: string]: unknown }) => boolean;
  /** Loads `file` into `ctx` (throws a YamlLoadError for bad input). */
  readonly load: (ctx: ScratchContext, file: string, options: YamlLoadOptions) => void;
  /** The equivalent TypeScript, for `yaml convert`. */
  readonly convert: (file: string, options: YamlLoadOptions) => string;
}

/** The kind of `data` (parsed YAML), by `$schema` first, then by keys; undefined when nothing matches. */
export function detectKind(kinds: readonly YamlKind[], data: { [key: string]: unknown }): YamlKind | undefined {
  const schema = typeof data.$schema === 'string' ? data.$schema : undefined;
  if (schema !== undefined) {
    const leaf = schema.split('/').pop()!.toLowerCase();
    const bySchema = kinds.find((k) => k.schemaFiles.some((f) => f.toLowerCase() === leaf));
    if (bySchema) return bySchema;
  }
  return kinds.find((k) => k.detect(data));
}
