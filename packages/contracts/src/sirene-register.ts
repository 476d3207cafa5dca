import { z } from 'zod';
import { categorySchema } from './directory.ts';

// A network's SIRENE register (decision 0016): the establishments of the SIRENE stock file its
// staff imported, from which they take members in.

export const sireneRegisterQuery = z.strictObject({
  /** Words of the name, or the start of a SIREN or SIRET. */
  q: z.string().trim().max(120).optional(),
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/)
    .optional(),
  /** Only the establishments that are not members yet. */
  newOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type SireneRegisterQuery = z.infer<typeof sireneRegisterQuery>;

export const sireneEstablishmentSchema = z.object({
  siret: z.string(),
  name: z.string(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  headcountBand: z.string().nullable(),
  category: categorySchema.nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departementCode: z.string().nullable(),
  isActive: z.boolean(),
  /** The organisation of the directory that is this establishment, when it is a member. */
  memberOrganisationId: z.uuid().nullable(),
});
export type SireneEstablishment = z.infer<typeof sireneEstablishmentSchema>;

export const sireneRegisterPageSchema = z.object({
  /** When the register was imported and what it holds; null: none yet. */
  register: z
    .object({ importedAt: z.iso.datetime(), establishments: z.number().int(), active: z.number().int() })
    .nullable(),
  /** How many establishments match (counted up to `totalCap`, « more than » beyond). */
  total: z.number().int(),
  totalCap: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(sireneEstablishmentSchema),
});
export type SireneRegisterPage = z.infer<typeof sireneRegisterPageSchema>;

/** At most this many establishments are taken in at once. */
export const SIRENE_TAKE_IN_MAX = 5000;

const siret = z.string().regex(/^\d{14}$/, 'siret');

/** Establishments to make members: chosen SIRETs, or every active one matching a search. */
export const sireneTakeInRequest = z.union([
  z.strictObject({ sirets: z.array(siret).min(1).max(SIRENE_TAKE_IN_MAX) }),
  z.strictObject({ search: sireneRegisterQuery.omit({ page: true }) }),
]);
export type SireneTakeInRequest = z.infer<typeof sireneTakeInRequest>;

export const sireneTakeInResultSchema = z.object({
  /** New members of the network. */
  added: z.number().int(),
  /** Organisations created in the directory for them. */
  created: z.number().int(),
});
export type SireneTakeInResult = z.infer<typeof sireneTakeInResultSchema>;
