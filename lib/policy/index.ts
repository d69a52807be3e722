export * from './level';
export * from './anchors';
export * from './report';
export * from './suppressions';
export * from './packs';
export { PolicyRuleInfo } from './docs';
