export * from './accounts.js';
export * from './evidence.js';
export * from './highlights.js';
export * from './search.js';
export * from './insights.js';
export * from './clusters.js';
export * from './purges.js';
