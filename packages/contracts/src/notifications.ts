import { z } from 'zod';

/**
 * In-app notifications (the bell, the notifications page), what each person receives by e-mail
 * (immediate mails for alerts and mentions, a daily or weekly digest), and the one-click
 * unsubscribe link every such e-mail carries.
 */

export const notificationKindSchema = z.enum([
  'alert',
  'mention',
  'post',
  'reply',
  'note',
  'question',
  'answer',
  'charter',
  'group-invite',
]);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  network: z.object({ slug: z.string(), name: z.string() }),
  group: z.object({ name: z.string() }).nullable(),
  link: z.string(),
  title: z.string(),
  excerpt: z.string(),
  urgent: z.boolean(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.strictObject({
  /** Only the unread ones. */
  unread: z.enum(['true', 'false']).optional(),
  /** The page after this date (the last line's createdAt). */
  before: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type NotificationListQuery = z.input<typeof notificationListQuery>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  unreadCount: z.number().int(),
  hasMore: z.boolean(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const notificationParams = z.strictObject({ id: z.uuid() });

export const digestFrequencySchema = z.enum(['daily', 'weekly', 'never']);
export type DigestFrequency = z.infer<typeof digestFrequencySchema>;

export const notificationPreferencesSchema = z.object({
  digest: digestFrequencySchema,
  /** Alerts and mentions e-mailed at once (otherwise they wait for the digest). */
  immediateEmail: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesRequest = z.strictObject({
  digest: digestFrequencySchema.optional(),
  immediateEmail: z.boolean().optional(),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequest>;

export const unsubscribeParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** What the public unsubscribe page shows before and after the click. */
export const unsubscribeStatusSchema = z.object({
  /** The address, partly hidden (m•••@example.fr). */
  email: z.string(),
  isUnsubscribed: z.boolean(),
});
export type UnsubscribeStatus = z.infer<typeof unsubscribeStatusSchema>;
