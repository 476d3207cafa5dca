export * from './aid-scheme-eligibility.ts';
