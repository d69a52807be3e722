/** Pinned asset version ids and URIs, parsed. Not part of the jsii API. */

/** The parts of a pinned asset version reference. */
export interface ParsedAssetId {
  readonly name: string;
  readonly version: string;
  readonly registryName?: string;
  readonly subscriptionId?: string;
}

const NAME = '[A-Za-z0-9][A-Za-z0-9_.-]{0,254}';

/**
 * Parses `/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.MachineLearningServices/workspaces/<w>/<kind>/<n>/versions/<v>`,
 * `azureml://registries/<r>/<kind>/<n>/versions/<v>`, and
 * `azureml://subscriptions/<s>/resourceGroups/<g>/workspaces/<w>/<kind>/<n>/versions/<v>`; undefined otherwise.
 * (`/labels/latest` and `@latest` are not pinned and are not accepted: a version must not change under a deployment.)
 */
export function parseAssetVersionId(kind: string, id: string): ParsedAssetId | undefined {
  const arm = new RegExp(`^/subscriptions/([^/]+)/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/(?:workspaces|registries)/[^/]+/${kind}/(${NAME})/versions/([^/]+)$`, 'i').exec(id);
  if (arm) return { subscriptionId: arm[1], name: arm[2], version: arm[3] };
  const reg = new RegExp(`^azureml://registries/([^/]+)/${kind}/(${NAME})/versions/([^/]+)$`).exec(id);
  if (reg) return { registryName: reg[1], name: reg[2], version: reg[3] };
  const ws = new RegExp(`^azureml://subscriptions/([^/]+)/resource[gG]roups/[^/]+/workspaces/[^/]+/${kind}/(${NAME})/versions/([^/]+)$`).exec(id);
  if (ws) return { subscriptionId: ws[1], name: ws[2], version: ws[3] };
  return undefined;
}

