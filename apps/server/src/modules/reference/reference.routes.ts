import { communeSuggestionSchema, errorSchema, nafSuggestionSchema, referenceQuery } from '@meute/contracts';
import { HEADCOUNT_BANDS } from '@meute/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import { listDepartements, listRegions, searchCommunes, searchNaf } from '../../reference/reference.ts';

const tags = ['directory'];
const errors = { 400: errorSchema, 401: errorSchema };

/** Public reference data for pickers: NAF codes, communes, départements, régions, headcount bands. */
export function referenceRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/reference/naf',
      {
        schema: {
          tags,
          summary: 'NAF rév. 2 activities matching a French text or a code (accents ignored)',
          querystring: referenceQuery,
          response: { 200: z.object({ items: z.array(nafSuggestionSchema) }), ...errors },
        },
      },
      async (request) => {
        requirePerson(request);
        const hits = searchNaf(request.query.q, 20);
        return { items: hits.map((hit) => ({ code: hit.code, label: hit.label, level: hit.level })) };
      },
    );

    app.get(
      '/api/reference/communes',
      {
        schema: {
          tags,
          summary: 'Communes by name, postal code or INSEE code',
          querystring: referenceQuery,
          response: { 200: z.object({ items: z.array(communeSuggestionSchema) }), ...errors },
        },
      },
      async (request) => {
        requirePerson(request);
        return {
          items: searchCommunes(request.query.q, 12).map((c) => ({
            code: c.code,
            name: c.name,
            departement: c.departement.code,
            postalCodes: [...c.postalCodes],
          })),
        };
      },
    );

    app.get(
      '/api/reference/territories',
      {
        schema: {
          tags,
          summary: 'Régions, départements and headcount bands',
          response: {
            200: z.object({
              regions: z.array(z.object({ code: z.string(), name: z.string() })),
              departements: z.array(z.object({ code: z.string(), name: z.string(), region: z.string() })),
              headcountBands: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        requirePerson(request);
        return {
          regions: listRegions().map((r) => ({ code: r.code, name: r.name })),
          departements: listDepartements().map((d) => ({
            code: d.code,
            name: d.name,
            region: d.region.code,
          })),
          headcountBands: HEADCOUNT_BANDS.map((b) => ({ code: b.code, fr: b.labelFr, en: b.labelEn })),
        };
      },
    );
  };
}
