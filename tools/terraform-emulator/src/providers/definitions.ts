import * as fs from 'fs';
import * as path from 'path';
import { withCloud } from '../control-plane/store';
import type { ProviderDefinition } from '../provider/definition';
import { AZAPI_REPLACE_WHEN, AZURERM_REPLACE_WHEN, azapiSchema, azuredevopsSchema, DERIVATION_VERSION, loadAzurermSchema } from '../schemas';
import { azurermPackageVersion } from '../schemas/azurerm';
import { AZAPI_DATA_SOURCES, AZAPI_RESOURCES } from './azapi-handlers';
import { azapiPlanProblems, azapiReplaceTriggers } from './azapi-plan-checks';
import { AZUREDEVOPS_RESOURCES } from './azuredevops-handlers';
import { AZURERM_DATA_SOURCES, AZURERM_RESOURCES, azurermHandler } from './azurerm-handlers';
import type { HandlerContext, Plain } from './handler';

/** The subscription and tenant the emulated Azure answers with, unless the provider configuration names others. */
export const EMULATED_SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
export const EMULATED_TENANT_ID = '11111111-1111-1111-1111-111111111111';

/** The emulated Azure's state file: one per emulator (harness/emulator.ts sets it for every terraform run). */
function stateFile(): string {
  const file = process.env.MLOPS_EMULATOR_STATE;
  if (!file) throw new Error('MLOPS_EMULATOR_STATE is not set: the local providers are run by the emulator harness (tools/terraform-emulator/src/harness).');
  return file;
}

/**
 * Where derived schemas are cached (keyed by package and derivation version, so one cache serves every emulator of
 * the machine): MLOPS_EMULATOR_CACHE, which the harness sets, else beside the state file.
 */
function cacheDir(): string {
  const dir = process.env.MLOPS_EMULATOR_CACHE ?? path.dirname(stateFile());
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function withContext<T>(providerConfig: Plain, fn: (ctx: HandlerContext) => T): T {
  const subscriptionId = typeof providerConfig.subscription_id === 'string' && providerConfig.subscription_id ? providerConfig.subscription_id : EMULATED_SUBSCRIPTION_ID;
  const tenantId = typeof providerConfig.tenant_id === 'string' && providerConfig.tenant_id ? providerConfig.tenant_id : EMULATED_TENANT_ID;
  return withCloud(stateFile(), cloud => fn({ cloud, subscriptionId, tenantId, providerConfig }));
}

export function providerDefinition(name: string): ProviderDefinition {
  switch (name) {
    case 'azapi':
      return { name, schema: azapiSchema, resources: AZAPI_RESOURCES, dataSources: AZAPI_DATA_SOURCES, replaceWhen: AZAPI_REPLACE_WHEN, planChecks: azapiPlanProblems, replaceChecks: azapiReplaceTriggers, withContext };
    case 'azurerm':
      return {
        name,
        // Derived from @cdktf/provider-azurerm once, then read from the cache beside the state file.
        schema: () => loadAzurermSchema(path.join(cacheDir(), `azurerm-schema-${DERIVATION_VERSION}-${azurermPackageVersion()}.json`)),
        schemaCacheFile: path.join(cacheDir(), `azurerm-schema-${DERIVATION_VERSION}-${azurermPackageVersion()}.tfplugin6`),
        resources: AZURERM_RESOURCES,
        dataSources: AZURERM_DATA_SOURCES,
        fallbackResource: azurermHandler,
        replaceWhen: AZURERM_REPLACE_WHEN,
        withContext,
      };
    case 'azuredevops':
      return { name, schema: azuredevopsSchema, resources: AZUREDEVOPS_RESOURCES, dataSources: {}, withContext };
    default:
      throw new Error(`no local provider named '${name}' (azapi, azurerm and azuredevops are emulated)`);
  }
}
