import { z } from 'zod';
import { emailSchema } from './common.ts';

export const networkKindSchema = z.enum(['club', 'cluster', 'pole', 'alliance', 'federation']);
export const networkRoleSchema = z.enum([
  'staff',
  'board',
  'member_leader',
  'member_employee',
  'partner_delegate',
  'federation_staff',
]);
export type NetworkRoleName = z.infer<typeof networkRoleSchema>;

export const networkSummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: networkKindSchema,
  parentId: z.uuid().nullable(),
  description: z.string(),
  isDemo: z.boolean(),
  memberCount: z.number().int(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const networkDetailSchema = networkSummarySchema.extend({
  parent: z.object({ slug: z.string(), name: z.string() }).nullable(),
  children: z.array(networkSummarySchema),
  myRoles: z.array(networkRoleSchema),
  canManage: z.boolean(),
  invitableRoles: z.array(networkRoleSchema),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const networkListSchema = z.object({ networks: z.array(networkSummarySchema) });

export const networkPersonSchema = z.object({
  personId: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(networkRoleSchema),
});
export const networkPeopleSchema = z.object({ people: z.array(networkPersonSchema) });

export const createInvitationRequest = z.strictObject({
  email: emailSchema,
  role: networkRoleSchema,
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: networkRoleSchema,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) });

const slugParam = z.string().regex(/^[a-z0-9-]{1,60}$/);
export const slugParams = z.strictObject({ slug: slugParam });
export const invitationParams = z.strictObject({ slug: slugParam, id: z.uuid() });
