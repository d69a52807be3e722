export * from './asset-refs';
export { ModelLineage } from './lineage';
export * from './local-path-options';
export * from './model-source';
export * from './model';
export * from './environment';
export * from './data-asset';
export * from './code-asset';
export * from './version-lock';
