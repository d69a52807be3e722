export * from './registry-base';
export * from './registry';
