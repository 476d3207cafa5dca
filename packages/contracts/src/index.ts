export * from './accounts.ts';
export * from './common.ts';
export * from './directory.ts';
export * from './health.ts';
export * from './networks.ts';
export * from './outbox.ts';
export * from './purchasing.ts';
