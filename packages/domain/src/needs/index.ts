/**
 * The shared-need engine (capability 3): groups needs that say the same thing in different
 * words, explains why, places new needs, ranks member suppliers for the relocation challenge,
 * and measures its own quality. See docs/decisions/0008-shared-need-engine.md.
 */
export * from './explain.ts';
export {
  type FeatureKind,
  FULL_TEXT_FEATURES,
  PLAIN_TEXT_FEATURES,
  type TextFeatureOptions,
} from './features.ts';
export * from './need-index.ts';
export * from './quality.ts';
export * from './relocation.ts';
export * from './shared-needs.ts';
export * from './structured-similarity.ts';
export {
  type ContentWord,
  detectNeedLanguage,
  isNeedStopWord,
  type NeedLanguage,
  type NeedToken,
  normaliseNeedText,
  stemNeedWord,
  tokeniseNeedText,
} from './text.ts';
export * from './thesaurus.ts';
export * from './thesaurus-default.ts';
export { DEFAULT_TEXT_BLOCK_WEIGHTS, type TextBlockWeights } from './vectors.ts';
