import multipart from '@fastify/multipart';
import { errorSchema, importQuery, importReportSchema, slugParams } from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.ts';
import { requirePerson } from '../../plugins/auth.ts';
import { type ImportFile, type ImportsService, MAX_IMPORT_BYTES } from './imports.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

/**
 * `POST /api/networks/:slug/imports`: a file upload, streamed into the database as it arrives.
 * Multipart bodies are accepted by this plugin's routes only (the parser is registered in its
 * encapsulated context), so the rest of the API keeps its 1 MB JSON limit.
 */
export function importsRoutes(imports: ImportsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 2, fields: 10, fieldSize: 1024, parts: 12 },
    });

    app.post(
      '/api/networks/:slug/imports',
      {
        schema: {
          tags: ['directory'],
          summary:
            'Import organisations from a SIRENE StockEtablissement CSV (with an optional StockUniteLegale) or a member spreadsheet (CSV or XLSX), all or nothing (staff)',
          description:
            'multipart/form-data: `file`, and for SIRENE optionally `uniteLegale`. A SIRENE file becomes the network’s SIRENE register (organisations already in the directory are refreshed); with `members=true` every establishment also becomes a member. 201 with the report when imported, 200 with the report of every bad row when rejected (nothing written).',
          consumes: ['multipart/form-data'],
          params: slugParams,
          querystring: importQuery,
          response: { 200: importReportSchema, 201: importReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const person = requirePerson(request);
        if (!request.isMultipart()) {
          throw new AppError('VALIDATION', { field: 'body', params: { detail: 'multipart/form-data' } });
        }
        const parts = request.parts();
        async function* files(): AsyncGenerator<ImportFile> {
          for await (const part of parts) {
            if (part.type === 'file') yield { role: part.fieldname, stream: part.file };
          }
        }
        const report = await imports.importAsStaff(
          person,
          request.params.slug,
          {
            kind: request.query.kind,
            includeClosed: request.query.includeClosed === 'true',
            members: request.query.members === 'true',
            locale: request.locale,
          },
          files(),
        );
        return reply.status(report.status === 'imported' ? 201 : 200).send(report);
      },
    );
  };
}
