// The provider schemas the local Terraform providers serve (neutral shape: ../schema/model.ts).
export { deriveAzurermSchema, loadAzurermSchema, DERIVATION_VERSION } from './azurerm';
export { AZURERM_FACTS, AZURERM_REPLACE_WHEN, replicationFamilyChanges } from './azurerm-facts';
export { azapiSchema, AZAPI_REPLACE_WHEN, resourceTypeChanges } from './azapi';
export { azuredevopsSchema } from './azuredevops';
export { replacePredicate } from './replace-when';
export type { ReplacePredicate, ReplaceWhenTable } from './replace-when';
export type { AttributeFact, BlockFact, ProviderFacts, TypeFacts } from './facts';
