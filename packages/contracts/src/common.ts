import { z } from 'zod';

export const LOCALES = ['fr', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Every error the API returns: a stable code, a message in the caller's language, the field at fault. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  /** For a validation error: what is wrong with the field, without the field's name. */
  detail: z.string().optional(),
  requestId: z.string().optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

export const emailSchema = z.email().max(254);
export const passwordSchema = z.string().min(10).max(200);
export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
export const uuidSchema = z.uuid();

export const okSchema = z.object({ ok: z.literal(true) });
