import type fr from './fr.json';

// Typed keys: a missing or misspelt translation key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr };
    returnNull: false;
  }
}
