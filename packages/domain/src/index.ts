export * from './email.ts';
export * from './roles.ts';
export * from './session-policy.ts';
