import { z } from 'zod';
import { slugSchema } from './common.ts';

/**
 * Urgent alerts to a whole network (a ransomware campaign: what happened, what to check now),
 * acknowledged once per member organisation. Staff see who has not acknowledged, remind them and
 * close the alert. A raiser may stay unnamed to the other members; staff still see who raised it.
 */

export const alertParams = z.strictObject({ slug: slugSchema, id: z.uuid() });

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), { message: 'one line only' });

export const raiseAlertRequest = z.strictObject({
  title: oneLine(200).min(1),
  /** Plain text; line breaks are kept, nothing else is interpreted. */
  description: z.string().trim().min(1).max(8000),
  /** What to check now, one item each (empty items are dropped). */
  checklist: z
    .array(z.string().trim().max(500))
    .max(30)
    .default([])
    .transform((items) => items.filter((item) => item !== '')),
  /** Do not name my company to the other members (staff still see it). */
  isAnonymous: z.boolean().default(false),
});
export type RaiseAlertRequest = z.input<typeof raiseAlertRequest>;

export const acknowledgeAlertRequest = z.strictObject({
  /** Which of my organisations acknowledges; may be left out when I belong to only one. */
  organisationId: z.uuid().optional(),
});
export type AcknowledgeAlertRequest = z.infer<typeof acknowledgeAlertRequest>;

export const alertOrganisationSchema = z.object({ id: z.uuid(), name: z.string() });

export const alertSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  checklist: z.array(z.string()),
  isAnonymous: z.boolean(),
  /** Who raised it: null when anonymous and the caller is neither staff nor the raiser. */
  raisedBy: z
    .object({ personName: z.string().nullable(), organisationName: z.string().nullable() })
    .nullable(),
  isMine: z.boolean(),
  createdAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  lastRemindedAt: z.iso.datetime().nullable(),
  acknowledgedCount: z.number().int(),
  organisationCount: z.number().int(),
  /** The caller's organisations that may acknowledge, and whether each did (when, by whom). */
  myOrganisations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      acknowledgedAt: z.iso.datetime().nullable(),
      acknowledgedBy: z.string().nullable(),
    }),
  ),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListSchema = z.object({
  canRaise: z.boolean(),
  canManage: z.boolean(),
  alerts: z.array(alertSchema),
});
export type AlertList = z.infer<typeof alertListSchema>;

/** For staff: every member organisation, acknowledged (who, when) or not. */
export const alertAcknowledgementsSchema = z.object({
  acknowledged: z.array(
    z.object({
      organisationId: z.uuid(),
      organisationName: z.string(),
      personName: z.string().nullable(),
      acknowledgedAt: z.iso.datetime(),
    }),
  ),
  pending: z.array(alertOrganisationSchema),
});
export type AlertAcknowledgements = z.infer<typeof alertAcknowledgementsSchema>;

export const remindResultSchema = z.object({
  remindedOrganisations: z.number().int(),
  mails: z.number().int(),
});
export type RemindResult = z.infer<typeof remindResultSchema>;

/** The banner: open alerts of my networks that one of my organisations has not acknowledged. */
export const pendingAlertsSchema = z.object({
  alerts: z.array(
    z.object({
      id: z.uuid(),
      networkSlug: z.string(),
      networkName: z.string(),
      title: z.string(),
      createdAt: z.iso.datetime(),
      organisations: z.array(alertOrganisationSchema),
    }),
  ),
});
export type PendingAlerts = z.infer<typeof pendingAlertsSchema>;
