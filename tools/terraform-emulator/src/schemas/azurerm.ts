/**
 * The azurerm 4.55 provider schema, derived from the installed `@cdktf/provider-azurerm` 14.x package (generated
 * from that very provider's schema), with the hand-kept facts of ./azurerm-facts.ts laid over it.
 *
 * Derivation reads every module's text (~155 MB), so `loadAzurermSchema` keeps a JSON cache keyed by the package
 * version and by a version of this derivation (bump DERIVATION_VERSION when the rules here or the facts change).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import type { BlockSchema, ProviderSchema, ResourceSchema } from '../schema/model';
import { AZURERM_FACTS } from './azurerm-facts';
import { ModuleDeriver } from './cdktf-derive';
import { readModule } from './generated-js';
import { applyFacts } from './facts';

/** Bump when the derivation rules or AZURERM_FACTS change, so stale caches are rebuilt. */
export const DERIVATION_VERSION = 1;

const PACKAGE = '@cdktf/provider-azurerm';

export function azurermPackageDir(): string {
  return dirname(require.resolve(`${PACKAGE}/package.json`));
}

export function azurermPackageVersion(): string {
  return JSON.parse(readFileSync(join(azurermPackageDir(), 'package.json'), 'utf8')).version;
}

/** The schema as the generated package gives it, before the facts overlay. */
export function deriveRawAzurermSchema(packageDir = azurermPackageDir()): ProviderSchema {
  const lib = join(packageDir, 'lib');
  let provider: BlockSchema | undefined;
  const resources: Record<string, ResourceSchema> = {};
  const dataSources: Record<string, ResourceSchema> = {};
  for (const dir of readdirSync(lib, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const file = join(lib, dir.name, 'index.js');
    if (!existsSync(file)) continue;
    const module = readModule(readFileSync(file, 'utf8'));
    const deriver = new ModuleDeriver(module, dir.name);
    for (const cls of module.classes.values()) {
      if (cls.terraformType === undefined || cls.mapper === undefined) continue;
      const block = deriver.topLevel(cls);
      if (cls.base === 'cdktf.TerraformProvider') {
        // cdktf maps the `alias` meta-argument like an argument; Terraform strips it before the provider sees it.
        const { alias: _alias, ...attributes } = block.attributes;
        provider = { ...block, attributes };
      } else if (cls.base === 'cdktf.TerraformResource') {
        resources[cls.terraformType] = { version: 0, block: withId(block) };
      } else if (cls.base === 'cdktf.TerraformDataSource') {
        dataSources[cls.terraformType] = { version: 0, block: withId(block) };
      }
    }
  }
  if (provider === undefined) throw new Error(`${PACKAGE}: no provider class found under ${lib}`);
  return { provider, resources, dataSources };
}

/**
 * Every resource and data source has an `id`. SDKv2 types list it as an argument (the generated config has `id?`):
 * optional and computed. Framework types expose it as a computed-only getter, derived as such; any type with
 * neither gets a computed one, as Terraform's SDKs add it.
 */
function withId(block: BlockSchema): BlockSchema {
  const id = block.attributes.id;
  const optional = id === undefined ? false : id.optional === true || id.required === true;
  return { ...block, attributes: { ...block.attributes, id: { type: 'string', ...(optional ? { optional: true } : {}), computed: true } } };
}

/** The azurerm provider schema: derived, then overlaid with AZURERM_FACTS. */
export function deriveAzurermSchema(packageDir = azurermPackageDir()): ProviderSchema {
  return applyFacts(deriveRawAzurermSchema(packageDir), AZURERM_FACTS);
}

interface CacheFile {
  readonly packageVersion: string;
  readonly derivationVersion: number;
  readonly schema: ProviderSchema;
}

/**
 * The azurerm schema from `cacheFile` when it was derived from the installed package version by this derivation;
 * otherwise derived afresh and written there.
 */
export function loadAzurermSchema(cacheFile: string): ProviderSchema {
  const packageVersion = azurermPackageVersion();
  if (existsSync(cacheFile)) {
    try {
      const cached: CacheFile = JSON.parse(readFileSync(cacheFile, 'utf8'));
      if (cached.packageVersion === packageVersion && cached.derivationVersion === DERIVATION_VERSION) return cached.schema;
    } catch {
      // A truncated or hand-edited cache is rebuilt, never trusted.
    }
  }
  const schema = deriveAzurermSchema();
  mkdirSync(dirname(cacheFile), { recursive: true });
  const content: CacheFile = { packageVersion, derivationVersion: DERIVATION_VERSION, schema };
  // Written aside and renamed: other provider processes may be reading the cache at the same moment.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(content));
  renameSync(tmp, cacheFile);
  return schema;
}
