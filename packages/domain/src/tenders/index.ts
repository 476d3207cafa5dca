export * from './candidates.ts';
export * from './consortium.ts';
export * from './cpv-mapping.ts';
export * from './eforms.ts';
export * from './model.ts';
export * from './selection-criteria.ts';
export * from './worker.ts';
export * from './xml.ts';
