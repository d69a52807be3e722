import { Fn, Token } from 'cdktf';

/** The parts of an Azure Resource Manager id. */
export interface ArmIdParts {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** e.g. `Microsoft.MachineLearningServices` */
  readonly provider: string;
  /** Type segments, e.g. `["workspaces", "onlineEndpoints"]`. */
  readonly types: string[];
  /** Name segments, one per type: `["mlw-prod", "churn"]`. */
  readonly names: string[];
}

const ARM_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)((?:\/[^/]+\/[^/]+)+))?\/?$/i;

/**
 * Helpers for Azure Resource Manager ids that work on literal ids and on tokens alike: on a literal id they return
 * literals (checked), on a token (an id known only at apply) they return Terraform expressions.
 */
export class ArmId {
  /** Parses a literal ARM id; returns undefined if `id` is a token or not a resource-group-scoped ARM id. */
  public static parse(id: string): ArmIdParts | undefined {
    if (Token.isUnresolved(id)) return undefined;
    const m = ARM_ID.exec(id);
    if (!m) return undefined;
    const pairs = (m[4] ?? '').split('/').filter(s => s.length > 0);
    const types: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      types.push(pairs[i]);
      names.push(pairs[i + 1]);
    }
    return { subscriptionId: m[1], resourceGroupName: m[2], provider: m[3] ?? '', types, names };
  }

  /** Whether `id` is a literal ARM id of the given type (case-insensitive), e.g. `Microsoft.Storage/storageAccounts`. */
  public static isOfType(id: string, resourceType: string): boolean {
    const parts = ArmId.parse(id);
    if (!parts) return false;
    return `${parts.provider}/${parts.types.join('/')}`.toLowerCase() === resourceType.toLowerCase();
  }

  /** `/subscriptions/<sub>/resourceGroups/<rg>` */
  public static resourceGroup(subscriptionId: string, resourceGroupName: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
  }

  /** The id of a child resource: `<parentId>/<childType>/<name>`. */
  public static child(parentId: string, childType: string, name: string): string {
    return `${parentId}/${childType}/${name}`;
  }

  /** The last segment (the resource's own name). */
  public static name(id: string): string {
    const parts = ArmId.parse(id);
    if (parts && parts.names.length > 0) return parts.names[parts.names.length - 1];
    const split = splitLeadingToken(id);
    if (split?.tailNames.length) return split.tailNames[split.tailNames.length - 1];
    return Token.asString(Fn.element(Fn.reverse(Fn.split('/', split?.head ?? id)), 0));
  }

  /** The resource group name (segment 4). */
  public static resourceGroupName(id: string): string {
    const parts = ArmId.parse(id);
    if (parts) return parts.resourceGroupName;
    return Token.asString(Fn.element(Fn.split('/', splitLeadingToken(id)?.head ?? id), 4));
  }

  /** The subscription id (segment 2). */
  public static subscriptionId(id: string): string {
    const parts = ArmId.parse(id);
    if (parts) return parts.subscriptionId;
    return Token.asString(Fn.element(Fn.split('/', splitLeadingToken(id)?.head ?? id), 2));
  }

  /** The resource group id of a resource id. */
  public static resourceGroupId(id: string): string {
    const parts = ArmId.parse(id);
    if (parts) return ArmId.resourceGroup(parts.subscriptionId, parts.resourceGroupName);
    return Token.asString(Fn.join('/', Fn.slice(Fn.split('/', splitLeadingToken(id)?.head ?? id), 0, 5)));
  }
}

/** A cdktf string token marker standing alone, e.g. `${TfToken[TOKEN.42]}`. */
const LEADING_TOKEN = /^(\$\{TfToken\[[A-Za-z0-9:._-]+\]\})(\/.*)$/;

/**
 * An id built as `<token>/<literal path>` (`${rg.id}/providers/Microsoft.X/type/name`, `${workspace.id}/computes/c`):
 * the token alone, and the names of the literal path. Functions are then applied to the token alone, never to the
 * concatenation: cdktf cannot render a function over a string that mixes literals and tokens ("You're using escape
 * sequences (${...}) with CDKTF Built-in functions ... the output may be incorrect"). The leading token is itself an
 * ARM id (a resource group's or a parent resource's), so its segments 2 and 4 are the subscription and the group.
 */
function splitLeadingToken(id: string): { head: string; tailNames: string[] } | undefined {
  const m = LEADING_TOKEN.exec(id);
  if (!m || Token.isUnresolved(m[2])) return undefined;
  const segments = m[2].split('/').filter(s => s.length > 0);
  // `/providers/<namespace>/<type>/<name>/...` or `/<type>/<name>/...`: names are every second segment after the types.
  const rest = segments[0]?.toLowerCase() === 'providers' ? segments.slice(2) : segments;
  const tailNames = rest.filter((_, i) => i % 2 === 1);
  return { head: m[1], tailNames };
}
