/**
 * Roles a person can hold in a network, and who may grant which.
 * Instance administration is not a network role: it is a flag on the person.
 */
export const NETWORK_ROLES = [
  'staff',
  'board',
  'member_leader',
  'member_employee',
  'partner_delegate',
  'federation_staff',
] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

export const NETWORK_KINDS = ['club', 'cluster', 'pole', 'alliance', 'federation'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export interface Actor {
  isInstanceAdmin: boolean;
  /** The actor's roles in the network being acted upon. */
  rolesInNetwork: readonly NetworkRole[];
  /** The actor's roles in the parent federation of that network, if any. */
  rolesInParentFederation: readonly NetworkRole[];
}

/** Staff of a network run it; federation staff run every network of their federation. */
export function canManageNetwork(actor: Actor): boolean {
  return (
    actor.isInstanceAdmin ||
    actor.rolesInNetwork.includes('staff') ||
    actor.rolesInNetwork.includes('federation_staff') ||
    actor.rolesInParentFederation.includes('federation_staff')
  );
}

/**
 * Which roles an actor may invite people to, in a network of the given kind.
 * Federation staff exist only in federations; the other roles only in member networks.
 */
export function invitableRoles(actor: Actor, networkKind: NetworkKind): NetworkRole[] {
  if (!canManageNetwork(actor)) return [];
  return networkKind === 'federation'
    ? ['federation_staff']
    : NETWORK_ROLES.filter((role) => role !== 'federation_staff');
}

export function canInvite(actor: Actor, networkKind: NetworkKind, role: NetworkRole): boolean {
  return invitableRoles(actor, networkKind).includes(role);
}
