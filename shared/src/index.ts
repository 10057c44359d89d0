export * from './enums.js';
export * from './errors.js';
export * from './limits.js';
export * from './schemas/common.js';
export * from './schemas/health.js';
export * from './schemas/accounts.js';
export * from './schemas/highlights.js';
export * from './schemas/imports.js';
