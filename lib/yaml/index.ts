// The public API of the CLI v2 YAML loaders (the framework's modules stay internal; see README.md).
export { CodeYaml, DataYaml, EnvironmentYaml, ModelYaml } from './asset-loaders';
export { RegistryYaml, RegistryYamlOptions, WorkspaceYaml, WorkspaceYamlOptions } from './resource-loaders';
export { YamlLoadOptions } from './options';
export { OnlineEndpointYaml, OnlineEndpointYamlProps } from './online-endpoint-yaml';
export { BatchEndpointYaml, BatchEndpointYamlProps } from './batch-endpoint-yaml';
