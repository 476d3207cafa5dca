import { z } from 'zod';

/**
 * The indicators public funders ask a network for (S10 step 4: "quarterly indicators go to the
 * public funders: jobs kept, purchases made locally, trainees"), over a period, for the whole
 * network or one territory (the département or région of the companies concerned).
 */

export const funderReportQuery = z.strictObject({
  /** First day of the period, included; 1 January of this year by default. */
  from: z.iso.date().optional(),
  /** Last day of the period, included; today by default. */
  to: z.iso.date().optional(),
  departement: z
    .string()
    .regex(/^(0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/)
    .optional(),
  region: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
});
export type FunderReportQuery = z.infer<typeof funderReportQuery>;

const stage = z.enum(['idea', 'pilot', 'project', 'industrial', 'market']);
const cents = z.number().int();

export const funderReportSchema = z.object({
  networkName: z.string(),
  from: z.string(),
  to: z.string(),
  territory: z
    .object({ kind: z.enum(['departement', 'region']), code: z.string(), name: z.string() })
    .nullable(),
  indicators: z.object({
    /** Reported by the projects for the period. */
    jobsKept: z.number().int(),
    jobsCreated: z.number().int(),
    trainees: z.number().int(),
    /** Yearly purchases brought back into the network by the relocation challenge in the period. */
    relocatedPurchasesCents: cents,
    relocatedSupplierCount: z.number().int(),
    /** Local purchases the projects reported for the period. */
    reportedLocalPurchasesCents: cents,
    /** Co-financing obtained by the projects (their budgets) and amounts they reported raised. */
    fundingObtainedCents: cents,
    fundingRequestedCents: cents,
    reportedAmountsRaisedCents: cents,
    projectCount: z.number().int(),
    /** Companies that joined at least one of these projects. */
    organisationCount: z.number().int(),
  }),
  projectsByStage: z.array(z.object({ stage, count: z.number().int() })),
  projects: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      stage,
      leadOrganisationName: z.string().nullable(),
      jobsKept: z.number().int(),
      jobsCreated: z.number().int(),
      trainees: z.number().int(),
      fundingObtainedCents: cents,
      reportedAmountsRaisedCents: cents,
    }),
  ),
});
export type FunderReport = z.infer<typeof funderReportSchema>;
