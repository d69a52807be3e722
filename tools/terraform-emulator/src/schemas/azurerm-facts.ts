import type { ProviderFacts } from './facts';
export const AZURERM_FACTS: ProviderFacts = { resources: {} };
