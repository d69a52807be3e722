export * from './level';
export * from './anchors';
export { PolicyFinding, PolicyReport, PolicyReportProps, PolicySuppressionRecord } from './report';
export * from './suppressions';
export * from './packs';
export { PolicyRuleInfo } from './docs';
