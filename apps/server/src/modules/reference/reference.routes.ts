import { communeSuggestionSchema, errorSchema, nafSuggestionSchema, referenceQuery } from '@meute/contracts';
import { HEADCOUNT_BANDS } from '@meute/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import {
  getNafIndex,
  getNafNode,
  listDepartements,
  listRegions,
  searchCommunes,
  searchNaf,
} from '../../reference/reference.ts';

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
        // A matching class brings its sub-classes: the codes an organisation actually carries.
        const items: { code: string; label: string; level: string }[] = [];
        const seen = new Set<string>();
        const add = (code: string, label: string, level: string) => {
          if (!seen.has(code)) items.push({ code, label, level });
          seen.add(code);
        };
        for (const hit of searchNaf(request.query.q, 20)) {
          add(hit.code, hit.label, hit.level);
          if (hit.level !== 'class') continue;
          for (const child of getNafNode(hit.code)?.children ?? []) {
            const node = getNafNode(child);
            if (node) add(node.code, node.label, node.level);
          }
        }
        return { items: items.slice(0, 30) };
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
          summary: 'Régions, départements, headcount bands and NAF sections',
          response: {
            200: z.object({
              regions: z.array(z.object({ code: z.string(), name: z.string() })),
              departements: z.array(z.object({ code: z.string(), name: z.string(), region: z.string() })),
              headcountBands: z.array(z.object({ code: z.string(), fr: z.string(), en: z.string() })),
              nafSections: z.array(z.object({ code: z.string(), label: z.string() })),
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
          nafSections: getNafIndex().sections.map((s) => ({ code: s.code, label: s.label })),
        };
      },
    );
  };
}
