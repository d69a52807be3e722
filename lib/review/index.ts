export * from './schema';
export * from './result';
export * from './review';
export * from './writer';
export * from './moves';
export * from './pr-comment';
