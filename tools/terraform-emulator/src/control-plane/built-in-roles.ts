/**
 * Built-in Azure role definitions the library grants (names → GUIDs, as Azure publishes them), so that an
 * assignment by `role_definition_name` resolves to the same id as one by `role_definition_id`.
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
export const BUILT_IN_ROLES: { readonly [roleName: string]: string } = {
  'Owner': '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'Contributor': 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'Reader': 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'AzureML Data Scientist': 'f6c7c914-8db3-469d-8ca1-694a8f32e121',
  'AzureML Compute Operator': 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815',
  'AzureML Registry User': '1823dd4f-9b8c-4ab6-ab4e-7397a3684615',
  'AzureML Metrics Writer (preview)': '635dd51f-9968-44d3-b7fb-6d9a6bd613ae',
  'AcrPull': '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  'AcrPush': '8311e382-0749-4cb8-b61a-304f252e45ec',
  'Storage Blob Data Reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'Storage File Data Privileged Contributor': '69566ab7-960f-475b-8e7c-b3118f30c6bd',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb',
};

export function roleDefinitionId(subscriptionId: string, roleGuid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

/** The GUID of a built-in role by its name, case-insensitively; undefined for a role this table lacks. */
export function builtInRoleGuid(roleName: string): string | undefined {
  const entry = Object.entries(BUILT_IN_ROLES).find(([name]) => name.toLowerCase() === roleName.toLowerCase());
  return entry?.[1];
}
