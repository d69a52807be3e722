import { azapiRequestOf } from '../../lib/validation/azapi-schema-validation';
import { formatAzureTypeProblem, validateAzureRequest } from '../../lib/validation/azure-type-validator';

const MODES: Record<string, 'create' | 'update'> = { azapi_resource: 'create', azapi_update_resource: 'update' };

/**
 * Validates every azapi body in a synthesized Terraform JSON document (e.g. an example's cdk.tf.json) against the
 * vendored Azure resource types; returns one line per problem, empty when all are valid.
 */
export function azapiBodyProblems(tfJson: Record<string, any>): string[] {
  const problems: string[] = [];
  for (const [tfType, mode] of Object.entries(MODES)) {
    for (const [logicalId, config] of Object.entries<any>(tfJson.resource?.[tfType] ?? {})) {
      const found = validateAzureRequest(azapiRequestOf(config), mode);
      problems.push(...found.map(p => `${tfType}.${logicalId} (${config.type}): ${formatAzureTypeProblem(p)}`));
    }
  }
  return problems;
}

/** How many azapi resources a document holds (so a test can prove it validated something). */
export function azapiResourceCount(tfJson: Record<string, any>): number {
  return Object.keys(MODES).reduce((n, t) => n + Object.keys(tfJson.resource?.[t] ?? {}).length, 0);
}
