import { campaignParams, errorSchema, savingsLedgerSchema, slugParams } from '@meute/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePerson } from '../../plugins/auth.ts';
import { renderPurchaseOrdersPdf } from './purchase-orders-pdf.ts';
import type { SavingsService } from './savings.service.ts';
import { savingsWorkbook } from './savings-workbook.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/api/networks/:slug/purchasing';

/** The savings ledger (JSON, XLSX) and the purchase orders of an award (PDF). */
export function savingsRoutes(savings: SavingsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${base}/savings`,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Savings ledger: per campaign, per company, per month and for the network (staff: every company; a member: its own, and the network totals when large enough)',
          params: slugParams,
          response: { 200: savingsLedgerSchema, ...errors },
        },
      },
      async (request) => savings.ledger(requirePerson(request), request.params.slug),
    );

    app.get(
      `${base}/savings.xlsx`,
      {
        schema: {
          tags: ['purchasing'],
          summary: 'The savings ledger as an XLSX workbook: by campaign, by company, by month',
          params: slugParams,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { slug } = request.params;
        const ledger = await savings.ledger(requirePerson(request), slug);
        const stamp = new Date().toISOString().slice(0, 10);
        const name = `meute-${request.locale === 'fr' ? 'economies' : 'savings'}-${slug}-${stamp}`;
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`);
        return reply.send(await savingsWorkbook(ledger, request.locale));
      },
    );

    app.get(
      `${base}/:id/purchase-orders.pdf`,
      {
        schema: {
          tags: ['purchasing'],
          summary:
            'Purchase orders of an awarded campaign as PDF, one page per company (staff: every company; a member: its own)',
          params: campaignParams,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const { slug, id } = request.params;
        const orders = await savings.purchaseOrders(requirePerson(request), slug, id, request.locale);
        const name = `${request.locale === 'fr' ? 'bons-de-commande' : 'purchase-orders'}-${id.slice(0, 8)}`;
        reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`);
        return reply.send(await renderPurchaseOrdersPdf(orders));
      },
    );
  };
}
