/** Questions to peers: who in the network has lived what a member asks about, and why. */
export * from './peer-synonyms.ts';
export * from './suggest-peers.ts';
