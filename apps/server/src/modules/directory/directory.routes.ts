import {
  directoryMapSchema,
  directorySearchQuery,
  directorySearchResultSchema,
  errorSchema,
  exportQuery,
  networkStatsSchema,
  organisationParams,
  organisationProfileSchema,
  slugParams,
  updateOrganisationRequest,
} from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import type { DirectoryService } from './directory.service.ts';
import { type ExportColumn, toCsv, toXlsx } from './export-file.ts';

const tags = ['directory'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

type ExportRow = Awaited<ReturnType<DirectoryService['exportRows']>>[number];
const COLUMNS: Record<'fr' | 'en', ExportColumn<ExportRow>[]> = {
  fr: [
    { header: 'Nom', value: (r) => r.name, width: 36 },
    { header: 'SIRET', value: (r) => r.siret, width: 16 },
    { header: 'Code NAF', value: (r) => r.nafCode, width: 10 },
    { header: 'Activité', value: (r) => r.nafLabel, width: 40 },
    { header: 'Catégorie', value: (r) => r.category, width: 10 },
    { header: 'Tranche d’effectifs', value: (r) => r.headcountBand, width: 10 },
    { header: 'Commune', value: (r) => r.commune },
    { header: 'Département', value: (r) => r.departement },
    { header: 'Site web', value: (r) => r.website, width: 30 },
    { header: 'Compétences', value: (r) => r.competences, width: 50 },
    { header: 'Certifications', value: (r) => r.certifications, width: 30 },
  ],
  en: [
    { header: 'Name', value: (r) => r.name, width: 36 },
    { header: 'SIRET', value: (r) => r.siret, width: 16 },
    { header: 'NAF code', value: (r) => r.nafCode, width: 10 },
    { header: 'Activity', value: (r) => r.nafLabel, width: 40 },
    { header: 'Category', value: (r) => r.category, width: 10 },
    { header: 'Headcount band', value: (r) => r.headcountBand, width: 10 },
    { header: 'Municipality', value: (r) => r.commune },
    { header: 'Département', value: (r) => r.departement },
    { header: 'Website', value: (r) => r.website, width: 30 },
    { header: 'Competences', value: (r) => r.competences, width: 50 },
    { header: 'Certifications', value: (r) => r.certifications, width: 30 },
  ],
};

export function directoryRoutes(directory: DirectoryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/directory',
      {
        schema: {
          tags,
          summary:
            'Search the organisations of my networks: French full text, facets, distance from a commune',
          querystring: directorySearchQuery,
          response: { 200: directorySearchResultSchema, ...errors },
        },
      },
      async (request) => directory.search(requirePerson(request), request.query),
    );

    app.get(
      '/api/directory/map',
      {
        schema: {
          tags,
          summary: 'Points of the matching organisations, for the map (5,000 at most)',
          querystring: directorySearchQuery.omit({ page: true, pageSize: true }),
          response: { 200: directoryMapSchema, ...errors },
        },
      },
      async (request) => directory.mapPoints(requirePerson(request), request.query),
    );

    app.get(
      '/api/directory/export',
      {
        schema: {
          tags,
          summary: 'Export the matching organisations as CSV or XLSX',
          querystring: exportQuery,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query;
        const rows = await directory.exportRows(requirePerson(request), filters);
        const columns = COLUMNS[request.locale];
        const stamp = new Date().toISOString().slice(0, 10);
        const name = `meute-annuaire-${filters.network ?? 'tous'}-${stamp}`;
        if (format === 'xlsx') {
          reply
            .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${name}.xlsx"`);
          return reply.send(await toXlsx(rows, columns, request.locale === 'fr' ? 'Annuaire' : 'Directory'));
        }
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`);
        return reply.send(toCsv(rows, columns));
      },
    );

    app.get(
      '/api/organisations/:id',
      {
        schema: {
          tags,
          summary: 'An organisation’s profile (each person’s contact details as they chose to show them)',
          params: organisationParams,
          response: { 200: organisationProfileSchema, ...errors },
        },
      },
      async (request) => directory.getOrganisation(requirePerson(request), request.params.id),
    );

    app.patch(
      '/api/organisations/:id',
      {
        schema: {
          tags,
          summary: 'Update an organisation’s profile (its leaders and the staff of its networks)',
          params: organisationParams,
          body: updateOrganisationRequest,
          response: { 200: organisationProfileSchema, ...errors },
        },
      },
      async (request) => {
        const person = requirePerson(request);
        await directory.updateOrganisation(person, request.params.id, request.body);
        return directory.getOrganisation(person, request.params.id);
      },
    );

    app.get(
      '/api/networks/:slug/stats',
      {
        schema: {
          tags,
          summary: 'Members of a network by sector, size and département',
          params: slugParams,
          response: { 200: networkStatsSchema, ...errors },
        },
      },
      async (request) => directory.stats(requirePerson(request), request.params.slug),
    );
  };
}
