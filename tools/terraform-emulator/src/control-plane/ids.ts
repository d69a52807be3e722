/**
 * Azure Resource Manager ids, formed and compared as ARM does: case-insensitive, with child types appended to
 * their parent (`<parent>/<lastTypeSegment>/<name>`) and extension resources under their scope
 * (`<scope>/providers/<Namespace>/<type>/<name>`).
 */

/** The key a resource is stored under: ARM compares ids without regard to case. */
export function idKey(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}

export function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

/** `scope` itself, or anything below it. */
export function isAtOrUnder(id: string, scope: string): boolean {
  const k = idKey(id);
  const s = idKey(scope);
  return k === s || k.startsWith(`${s}/`);
}

/** Splits `Namespace/type/child@api-version` into its parts. */
export function parseTypeWithVersion(typeWithVersion: string): { type: string; apiVersion?: string } {
  const [type, apiVersion] = typeWithVersion.split('@');
  return { type, apiVersion };
}

export function subscriptionId(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1];
}

export function resourceGroupName(id: string): string | undefined {
  return /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)/i.exec(id)?.[1];
}

export function resourceGroupId(id: string): string | undefined {
  return /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+)/i.exec(id)?.[1];
}

/** The extension types this emulator knows: they attach to any scope rather than nest in a parent type. */
const EXTENSION_TYPES = ['Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleDefinitions', 'Microsoft.Authorization/locks', 'Microsoft.Insights/diagnosticSettings'];

export function isExtensionType(type: string): boolean {
  return EXTENSION_TYPES.some((t) => t.toLowerCase() === type.toLowerCase());
}

/**
 * The id Azure gives a resource of `type` named `name` under `parentId`:
 * - `Microsoft.Resources/resourceGroups` → `/subscriptions/<s>/resourceGroups/<name>`;
 * - an extension type → `<parentId>/providers/<type>/<name>`;
 * - a top-level type under a resource group or subscription → `<parentId>/providers/<Namespace>/<type>/<name>`;
 * - a child type → `<parentId>/<lastTypeSegment>/<name>`.
 */
export function armId(type: string, parentId: string, name: string): string {
  const parent = parentId.replace(/\/+$/, '');
  const segments = type.split('/');
  if (type.toLowerCase() === 'microsoft.resources/resourcegroups') {
    return `/subscriptions/${subscriptionId(parent) ?? ''}/resourceGroups/${name}`;
  }
  if (isExtensionType(type)) return `${parent}/providers/${type}/${name}`;
  if (segments.length === 2) return `${parent}/providers/${type}/${name}`;
  return `${parent}/${segments[segments.length - 1]}/${name}`;
}

/**
 * The resource type an id names, e.g. `Microsoft.MachineLearningServices/workspaces/onlineEndpoints` for an
 * endpoint id; `Microsoft.Resources/resourceGroups` and `Microsoft.Resources/subscriptions` for those scopes.
 */
export function typeOfId(id: string): string {
  const parts = id.replace(/^\/+|\/+$/g, '').split('/');
  const lastProviders = parts.map((p) => p.toLowerCase()).lastIndexOf('providers');
  if (lastProviders < 0) {
    if (parts.length === 2) return 'Microsoft.Resources/subscriptions';
    if (parts.length === 4) return 'Microsoft.Resources/resourceGroups';
    return 'unknown';
  }
  const namespace = parts[lastProviders + 1];
  const rest = parts.slice(lastProviders + 2);
  const typeSegments: string[] = [];
  for (let i = 0; i < rest.length; i += 2) typeSegments.push(rest[i]);
  return [namespace, ...typeSegments].join('/');
}

export function nameOfId(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1];
}

/**
 * The id of the resource or scope that must exist before `id` can be created: for a child, its parent resource;
 * for a top-level or extension resource, the scope it sits in (resource group, subscription or resource).
 */
export function parentIdOf(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  const lower = parts.map((p) => p.toLowerCase());
  const providersAt = lower.lastIndexOf('providers');
  // `<scope>/providers/NS/type/name`: the parent is the scope.
  if (providersAt >= 0 && parts.length - providersAt === 4) return parts.slice(0, providersAt).join('/');
  return parts.slice(0, parts.length - 2).join('/');
}

/** The nearest enclosing resource of the given type (`id` itself included), if `id` sits under one. */
export function ancestorOfType(id: string, type: string): string | undefined {
  for (let current = id; current.split('/').length > 2; current = parentIdOf(current)) {
    if (typeOfId(current).toLowerCase() === type.toLowerCase()) return current;
  }
  return undefined;
}
