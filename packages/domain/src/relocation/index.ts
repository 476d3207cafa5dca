/** The relocation challenge: member companies proposed for what members buy outside the network. */
export * from './propose-suppliers.ts';
