import { errorSchema, funderReportQuery, funderReportSchema, slugParams } from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import { funderReportWorkbook, renderFunderReportPdf } from './funder-report-files.ts';
import type { FunderReportsService } from './funder-reports.service.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const base = '/api/networks/:slug/funder-report';
const tags = ['needs'];

/** The funder report of a network (staff): as JSON for the screen, XLSX and PDF to send. */
export function funderReportsRoutes(reports: FunderReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            'Indicators for public funders over a period, for the network or a territory: jobs, trainees, local purchases, funding, projects by stage (staff)',
          params: slugParams,
          querystring: funderReportQuery,
          response: { 200: funderReportSchema, ...errors },
        },
      },
      async (request) => reports.report(requirePerson(request), request.params.slug, request.query),
    );

    for (const format of ['xlsx', 'pdf'] as const) {
      app.get(
        `${base}.${format}`,
        {
          schema: {
            tags,
            summary: `The funder report as ${format.toUpperCase()} (staff)`,
            params: slugParams,
            querystring: funderReportQuery,
            response: { 200: z.any(), ...errors },
          },
        },
        async (request, reply) => {
          const report = await reports.report(requirePerson(request), request.params.slug, request.query);
          const name = `${request.locale === 'fr' ? 'rapport-financeurs' : 'funder-report'}-${request.params.slug}-${report.from}-${report.to}`;
          reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
          if (format === 'xlsx') {
            reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
            return reply.send(await funderReportWorkbook(report, request.locale));
          }
          reply.header('content-type', 'application/pdf');
          return reply.send(await renderFunderReportPdf(report, request.locale, new Date()));
        },
      );
    }
  };
}
