/**
 * The api-versions this library emits through azapi, upgraded deliberately (with the vendored Azure types and the
 * tests that validate every body against them).
 *
 * 2026-05-01 is the newest stable Microsoft.MachineLearningServices version with every ML type the library needs;
 * azapi embeds it from v2.11.0, hence the `~> 2.12` provider constraint.
 */
export class ApiVersions {
  public static readonly MACHINE_LEARNING = '2026-05-01';
  public static readonly STORAGE = '2026-04-01';
  public static readonly KEY_VAULT = '2026-02-01';
  public static readonly CONTAINER_REGISTRY = '2025-11-01';
  public static readonly APPLICATION_INSIGHTS = '2020-02-02';
}

/** `<type>@<api-version>` for a Microsoft.MachineLearningServices type, e.g. `mlType('workspaces/onlineEndpoints')`. */
export function mlType(type: string): string {
  return `Microsoft.MachineLearningServices/${type}@${ApiVersions.MACHINE_LEARNING}`;
}
