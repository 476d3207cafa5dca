import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type Actor,
  canInvite,
  canManageNetwork,
  invitableRoles,
  NETWORK_KINDS,
  NETWORK_ROLES,
} from './roles.ts';

const nobody: Actor = { isInstanceAdmin: false, rolesInNetwork: [], rolesInParentFederation: [] };

describe('network roles', () => {
  it('lets staff, federation staff of the parent and administrators manage a network', () => {
    assert.equal(canManageNetwork({ ...nobody, rolesInNetwork: ['staff'] }), true);
    assert.equal(canManageNetwork({ ...nobody, rolesInParentFederation: ['federation_staff'] }), true);
    assert.equal(canManageNetwork({ ...nobody, isInstanceAdmin: true }), true);
  });

  it('does not let members, the board or partners manage a network', () => {
    for (const role of ['board', 'member_leader', 'member_employee', 'partner_delegate'] as const) {
      assert.equal(canManageNetwork({ ...nobody, rolesInNetwork: [role] }), false, role);
    }
  });

  it('invites only federation staff into a federation, and never federation staff elsewhere', () => {
    const staff: Actor = { ...nobody, rolesInNetwork: ['staff', 'federation_staff'] };
    assert.deepEqual(invitableRoles(staff, 'federation'), ['federation_staff']);
    assert.equal(invitableRoles(staff, 'club').includes('federation_staff'), false);
  });

  it('never lets someone who cannot manage a network invite anyone', () => {
    const memberRoles = NETWORK_ROLES.filter((r) => r !== 'staff' && r !== 'federation_staff');
    fc.assert(
      fc.property(
        fc.subarray(memberRoles),
        fc.constantFrom(...NETWORK_KINDS),
        fc.constantFrom(...NETWORK_ROLES),
        (roles, kind, target) => !canInvite({ ...nobody, rolesInNetwork: roles }, kind, target),
      ),
    );
  });
});
