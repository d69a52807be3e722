/** The asset, registry and workspace kinds of `yaml check` / `yaml convert`. Not part of the jsii API. */
import { CodeYaml, DataYaml, EnvironmentYaml, ModelYaml } from './asset-loaders';
import { convertAsset } from './convert';
import { YamlKind } from './kinds';
import { RegistryYaml, WorkspaceYaml } from './resource-loaders';
import { convertRegistry, convertWorkspace } from './convert-resources';

const has = (d: { [k: string]: unknown }, ...keys: string[]) => keys.every((k) => d[k] !== undefined);

/**
 * Asset kinds first, then registry and workspace. Without `$schema`, a data file is told by its `uri_*`/`mltable`
 * type; a file with only `name` and `path` reads as a model (as `az ml model create` would take it).
 */
export const ASSET_YAML_KINDS: YamlKind[] = [
  {
    kind: 'data', schemaFiles: ['data.schema.json'],
    detect: (d) => has(d, 'name', 'path') && /^(uri_file|uri_folder|mltable)$/.test(String(d.type)),
    load: (ctx, file, o) => { DataYaml.inWorkspace(ctx.workspace(), file, o); },
    convert: (file, o) => convertAsset('data', file, o),
  },
  {
    kind: 'model', schemaFiles: ['model.schema.json'],
    detect: (d) => has(d, 'name', 'path') && (d.type === undefined || /_model$/.test(String(d.type))),
    load: (ctx, file, o) => { ModelYaml.inWorkspace(ctx.workspace(), file, o); },
    convert: (file, o) => convertAsset('model', file, o),
  },
  {
    kind: 'environment', schemaFiles: ['environment.schema.json'],
    detect: (d) => d.image !== undefined || d.build !== undefined || d.conda_file !== undefined,
    load: (ctx, file, o) => { EnvironmentYaml.inWorkspace(ctx.workspace(), file, o); },
    convert: (file, o) => convertAsset('environment', file, o),
  },
  {
    kind: 'code', schemaFiles: ['code.schema.json'],
    detect: () => false, // a code file has no key of its own: only its $schema tells it from a model file
    load: (ctx, file, o) => { CodeYaml.inWorkspace(ctx.workspace(), file, o); },
    convert: (file, o) => convertAsset('code', file, o),
  },
  {
    kind: 'registry', schemaFiles: ['registry.schema.json'],
    detect: (d) => d.replication_locations !== undefined,
    load: (ctx, file, o) => { RegistryYaml.load(ctx.stack, 'Registry', file, { ...o, resourceGroupId: ctx.resourceGroupId }); },
    convert: (file, o) => convertRegistry(file, o),
  },
  {
    kind: 'workspace', schemaFiles: ['workspace.schema.json'],
    detect: (d) => d.resource_group !== undefined || d.hbi_workspace !== undefined || d.managed_network !== undefined || d.storage_account !== undefined,
    load: (ctx, file, o) => {
      WorkspaceYaml.load(ctx.stack, 'Workspace', file, {
        ...o, resourceGroupId: ctx.resourceGroupId, location: ctx.location, userAssignedIdentity: ctx.placeholderIdentity,
      });
    },
    convert: (file, o) => convertWorkspace(file, o),
  },
];
