import { z } from 'zod';
import { emailSchema, localeSchema, passwordSchema } from './common.ts';
import { networkKindSchema, networkRoleSchema } from './networks.ts';

export const signInRequest = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const membershipSchema = z.object({
  networkId: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: networkKindSchema,
  parentId: z.uuid().nullable(),
  roles: z.array(networkRoleSchema),
});

export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  isInstanceAdmin: z.boolean(),
  isDemo: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});

export const passwordResetRequest = z.strictObject({ email: emailSchema });
export const passwordResetConfirm = z.strictObject({
  token: z.string().regex(/^[\w-]{20,200}$/),
  password: passwordSchema,
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  networkName: z.string(),
  networkKind: networkKindSchema,
  role: networkRoleSchema,
  invitedBy: z.string(),
  hasAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** A newcomer chooses a name and a password; a person who already has an account signs in first. */
export const acceptInvitationRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  password: passwordSchema.optional(),
});
export const invitationTokenParams = z.strictObject({ token: z.string().regex(/^[\w-]{20,200}$/) });
