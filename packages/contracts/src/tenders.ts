import { z } from 'zod';

/** Joint tenders: tenders entered by hand or imported from eForms, the CPV mapping, the consortium builder. */

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const text = (max: number) => z.string().trim().max(max);

export const tenderParams = z.strictObject({ slug, id: z.uuid() });

export const tenderRequirementInput = z.strictObject({
  kind: z.enum(['competence', 'certification']),
  /** A competence id of the network's taxonomy, or a certification name. */
  code: text(200).min(1),
  /** Capacity needed, in the network's unit; 0: someone in the grouping holds it. */
  quantity: z.number().min(0).max(1e9).default(0),
});

export const tenderLotInput = z.strictObject({
  title: text(300).min(1),
  requirements: z.array(tenderRequirementInput).max(50),
});

export const createTenderRequest = z.strictObject({
  title: text(300).min(1),
  buyer: text(300).default(''),
  /** ISO date-time with its offset, or null. */
  submissionDeadline: z.iso.datetime({ offset: true }).nullable().default(null),
  /** INSEE code of the commune where the work is performed: distances are measured from it. */
  communeCode: z
    .string()
    .regex(/^[0-9][0-9AB][0-9]{3}$/)
    .nullable()
    .default(null),
  lots: z.array(tenderLotInput).min(1).max(50),
});
export type CreateTenderRequest = z.input<typeof createTenderRequest>;

export const importTenderRequest = z.strictObject({
  /** The eForms notice, as XML text. */
  xml: z.string().min(1).max(900_000),
});

export const importBoampRequest = z.strictObject({
  /** A BOAMP notice as the open data gives it (a JSON record), as text. */
  boamp: z.string().min(1).max(2_000_000),
});

export const cpvMappingSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        cpv: z.string().regex(/^\d{8}(-\d)?$/),
        competences: z.array(z.uuid()).max(50),
      }),
    )
    .max(2000),
});
export type CpvMapping = z.infer<typeof cpvMappingSchema>;

export const tenderRequirementSchema = z.object({
  id: z.string(),
  kind: z.enum(['competence', 'certification']),
  code: z.string(),
  /** The competence's label, or the certification's name. */
  label: z.string(),
  quantity: z.number(),
});

export const tenderLotSchema = z.object({
  id: z.string(),
  title: z.string(),
  cpvCodes: z.array(z.string()),
  place: z.string().nullable(),
  requirements: z.array(tenderRequirementSchema),
});

export const tenderSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  buyer: z.string(),
  submissionDeadline: z.string().nullable(),
  source: z.enum(['manual', 'eforms', 'boamp']),
  lotCount: z.number().int(),
  createdAt: z.string(),
});
export type TenderSummary = z.infer<typeof tenderSummarySchema>;

export const tenderListSchema = z.object({
  tenders: z.array(tenderSummarySchema),
  canCreate: z.boolean(),
  canManage: z.boolean(),
});
export type TenderList = z.infer<typeof tenderListSchema>;

const nearestSchema = z.object({
  organisationId: z.string(),
  name: z.string(),
  distanceKm: z.number().nullable(),
  capacity: z.number().nullable(),
  leftOut: z.string().nullable(),
});

const lonLatSchema = z.object({ lon: z.number(), lat: z.number() });

export const consortiumRunSchema = z.object({
  /** Where distances are measured from (the place of performance), when known. */
  place: lonLatSchema.nullable().optional(),
  status: z.enum(['optimal', 'time-limit', 'infeasible', 'time-limit-no-grouping']),
  ranAt: z.string(),
  bounds: z.object({
    minMembers: z.number().int(),
    maxMembers: z.number().int(),
    maxDistanceKm: z.number().nullable(),
    pinned: z.array(z.string()),
    excluded: z.array(z.string()),
  }),
  candidates: z.number().int(),
  groupings: z.array(
    z.object({
      rank: z.number().int(),
      proved: z.boolean(),
      members: z.array(
        z.object({
          organisationId: z.string(),
          name: z.string(),
          distanceKm: z.number(),
          workShare: z.number(),
          lotIds: z.array(z.string()),
          pinned: z.boolean(),
          /** Where the company is, for the map; absent in runs stored before it was kept. */
          point: lonLatSchema.nullable().optional(),
        }),
      ),
      coverage: z.array(
        z.object({
          requirementId: z.string(),
          lotId: z.string(),
          label: z.string(),
          quantity: z.number(),
          providers: z.array(
            z.object({ organisationId: z.string(), name: z.string(), amount: z.number().nullable() }),
          ),
        }),
      ),
    }),
  ),
  infeasibility: z
    .object({
      reason: z.string(),
      uncovered: z.array(
        z.object({
          requirementId: z.string(),
          lotId: z.string(),
          label: z.string(),
          quantity: z.number(),
          available: z.number(),
          nearest: z.array(nearestSchema),
          /** Companies outside the network, in the directory the person may read, that hold it. */
          outside: z
            .array(
              z.object({
                organisationId: z.string(),
                name: z.string(),
                networkName: z.string(),
                distanceKm: z.number().nullable(),
              }),
            )
            .optional(),
        }),
      ),
    })
    .nullable(),
});
export type ConsortiumRun = z.infer<typeof consortiumRunSchema>;

export const tenderDetailSchema = tenderSummarySchema.extend({
  noticeId: z.string().nullable(),
  lots: z.array(tenderLotSchema),
  unmappedCpv: z.record(z.string(), z.array(z.string())),
  canManage: z.boolean(),
  /** The network's member organisations, to pin or exclude (staff). */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The network's past groupings (staff), to start the builder again from a team that worked together. */
  pastTeams: z.array(
    z.object({
      groupementId: z.string(),
      tenderTitle: z.string(),
      status: z.string(),
      members: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  lastRun: consortiumRunSchema.nullable(),
});
export type TenderDetail = z.infer<typeof tenderDetailSchema>;

export const runConsortiumRequest = z
  .strictObject({
    minMembers: z.number().int().min(1).max(10).default(2),
    maxMembers: z.number().int().min(1).max(10).default(5),
    maxDistanceKm: z.number().positive().max(20_000).nullable().default(null),
    pinned: z.array(z.uuid()).max(10).default([]),
    excluded: z.array(z.uuid()).max(500).default([]),
  })
  .refine((value) => value.minMembers <= value.maxMembers, {
    path: ['minMembers'],
    message: 'minMembers must be ≤ maxMembers',
  });
export type RunConsortiumRequest = z.input<typeof runConsortiumRequest>;
