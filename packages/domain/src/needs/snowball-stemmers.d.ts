// The package ships no types; this is the part of its API the need engine uses.
declare module 'snowball-stemmers' {
  interface SnowballStemmer {
    /** Stems one lower-case word. */
    stem(word: string): string;
  }
  const snowball: {
    newStemmer(language: string): SnowballStemmer;
    algorithms(): string[];
  };
  export = snowball;
}
