/**
 * The CLI's asset references, parsed (https://learn.microsoft.com/azure/machine-learning/reference-yaml-core-syntax):
 *
 * | Written | Meaning |
 * |---|---|
 * | `azureml:<name>:<version>` | a version in the file's workspace |
 * | `azureml:<name>@latest` | the newest version in the workspace (see `pinLatest`) |
 * | `azureml://registries/<r>/<kind>/<name>/versions/<v>` | a registry version |
 * | `azureml://registries/<r>/<kind>/<name>/labels/latest` | the newest registry version |
 * | `azureml://subscriptions/<s>/resourceGroups/<g>/workspaces/<w>/<kind>/<name>/versions/<v>` | a version in another workspace |
 * | `/subscriptions/.../workspaces/<w>/<kind>/<name>/versions/<v>` | the same, as an ARM id |
 * | `azureml://datastores/<d>/paths/<p>` | a path on a datastore (files, not an asset) |
 *
 * Not part of the jsii API.
 */

/** A parsed asset reference. */
export interface AssetReference {
  readonly form: 'workspace' | 'registry' | 'other-workspace';
  /** models, environments, data, codes, components — as written in the URI; undefined for `azureml:<name>`. */
  readonly kind?: string;
  readonly name: string;
  /** Undefined with a label. */
  readonly version?: string;
  /** `latest` for `@latest` and `/labels/latest`. */
  readonly label?: string;
  readonly registry?: string;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  readonly workspace?: string;
  /** The reference as written. */
  readonly text: string;
}

const NAME = '[A-Za-z0-9][A-Za-z0-9_.-]{0,254}';
const SHORT = new RegExp(`^azureml:(${NAME})(?::([A-Za-z0-9_.-]+)|@([A-Za-z0-9_-]+))$`);
const REGISTRY = new RegExp(`^azureml://registries/([^/]+)/(models|environments|data|codes|components)/(${NAME})/(?:versions/([^/]+)|labels/([^/]+))$`);
const LONG = new RegExp(`^(?:azureml:/)?/subscriptions/([^/]+)/resource[gG]roups/([^/]+)/(?:providers/Microsoft\\.MachineLearningServices/)?workspaces/([^/]+)/(models|environments|data|codes|components)/(${NAME})/versions/([^/]+)$`);

/** Parses an asset reference; undefined when `text` is not one (e.g. a local path or a datastore URI). */
export function parseAssetReference(text: string): AssetReference | undefined {
  let m = SHORT.exec(text);
  if (m) return { form: 'workspace', name: m[1], version: m[2], label: m[3], text };
  m = REGISTRY.exec(text);
  if (m) return { form: 'registry', registry: m[1], kind: m[2], name: m[3], version: m[4], label: m[5], text };
  m = LONG.exec(text);
  if (m) return { form: 'other-workspace', subscriptionId: m[1], resourceGroup: m[2], workspace: m[3], kind: m[4], name: m[5], version: m[6], text };
  return undefined;
}

/** Whether `text` looks like an `azureml:` reference at all (so a malformed one is reported, not taken as a local path). */
export function looksLikeReference(text: string): boolean {
  return /^azureml:/i.test(text) || /^\/subscriptions\//i.test(text);
}

/** A datastore path `azureml://datastores/<d>/paths/<p>`: its datastore and path, or undefined. */
export function parseDatastorePath(text: string): { datastore: string; path: string } | undefined {
  const m = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.*)$/.exec(text);
  return m ? { datastore: m[1], path: m[2] } : undefined;
}

/** Whether `text` is a cloud URI (not a local path): a scheme the CLI uploads nothing for. */
export function isCloudUri(text: string): boolean {
  return /^(azureml|https?|wasbs?|abfss?|adl):\/\//i.test(text) || looksLikeReference(text);
}

/**
 * Where the CLI takes `@latest` from, for this library: versions declared in the same app. Reproducible plans cannot
 * ask Azure which version is newest at plan time, so `@latest` pins to the highest version declared in the app, and
 * a reference to anything not declared in the app must name its version.
 */
export function highestVersion(versions: readonly string[]): string | undefined {
  const sorted = [...versions].sort((a, b) => {
    const na = /^\d+$/.test(a) ? Number(a) : NaN;
    const nb = /^\d+$/.test(b) ? Number(b) : NaN;
    if (!isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, undefined, { numeric: true });
  });
  return sorted[sorted.length - 1];
}
