import type { IconName } from '../components/icons.tsx';

/**
 * The capabilities of PRODUCT.md, in the order of the side navigation, with the same names as
 * the server modules. `isReady` marks those that work end to end; the others show what they will do.
 */
export const CAPABILITIES = [
  { id: 'directory', icon: 'directory' },
  { id: 'groups', icon: 'groups' },
  { id: 'needs', icon: 'needs' },
  { id: 'purchasing', icon: 'purchasing' },
  { id: 'tenders', icon: 'tenders' },
  { id: 'alliances', icon: 'alliances' },
  { id: 'sharing', icon: 'sharing' },
  { id: 'events', icon: 'events' },
  { id: 'federation', icon: 'federation' },
  { id: 'territory', icon: 'territory' },
] as const satisfies readonly { id: string; icon: IconName }[];

export type CapabilityId = (typeof CAPABILITIES)[number]['id'];
