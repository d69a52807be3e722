import type { ProviderSchema } from '../schema/model';
import type { DataSourceHandler, HandlerContext, Plain, ResourceHandler } from '../providers/handler';
import type { ReplaceWhen } from './walk';

/** What makes one local provider: its schema, and how each of its types meets the emulated Azure. */
export interface ProviderDefinition {
  /** e.g. `azapi`: the name in `terraform-provider-<name>`. */
  readonly name: string;
  readonly schema: () => ProviderSchema;
  /** Where the serialized GetProviderSchema answer is cached between processes. @default - built in each process */
  readonly schemaCacheFile?: string;
  readonly resources: Record<string, ResourceHandler>;
  readonly dataSources: Record<string, DataSourceHandler>;
  /** Makes the handler of a resource type that has none of its own. */
  readonly fallbackResource?: (type: string) => ResourceHandler;
  /** Per resource type and top-level attribute: replace only when this says so (instead of any change of a force-new attribute). */
  readonly replaceWhen?: Record<string, Record<string, ReplaceWhen>>;
  /** Per resource type, the problems the real provider reports at plan (e.g. azapi's body validation), from the configuration. */
  readonly planChecks?: (type: string, config: Plain) => string[];
  /** Top-level attributes whose change replaces the resource by a rule that looks past one attribute (azapi's replace triggers). */
  readonly replaceChecks?: (type: string, prior: Plain, next: Plain) => string[];
  /**
   * Runs one operation against the emulated control plane, with the cloud loaded (and saved afterwards) for it.
   * Operations of concurrent provider processes are serialised there.
   */
  readonly withContext: <T>(providerConfig: Plain, fn: (ctx: HandlerContext) => T) => T;
}
