import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { readPdf } from './pdf-text.ts';

export interface ProbedResponse {
  method: 'GET';
  url: string;
  status: number;
  text: string;
}

/** The GET routes of the OpenAPI document, as Fastify paths (`/api/networks/:slug/…`). */
export function readRoutes(app: FastifyInstance): string[] {
  const document = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths ?? {})
    .filter(([, operations]) => 'get' in operations)
    .map(([path]) => path.replace(/\{(\w+)\}/g, ':$1'))
    .sort();
}

/**
 * Every way to fill a route's path parameters from candidate values: `/a/:slug/b/:id` with
 * slug ∈ {x, y} and id ∈ {1, 2} gives four URLs. A parameter without candidates gets a
 * random UUID, so the route is still called.
 */
export function expandRoute(
  route: string,
  candidates: Readonly<Record<string, readonly string[]>>,
): string[] {
  const names = [...route.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
  let urls = [route];
  for (const name of names) {
    const values = candidates[name] ?? ['00000000-0000-4000-8000-000000000000'];
    urls = urls.flatMap((url) => values.map((value) => url.replace(`:${name}`, encodeURIComponent(value))));
  }
  return urls;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What a person would read in a response: JSON or text as is, spreadsheets cell by cell, PDF pages. */
export async function readableText(contentType: string, body: Buffer): Promise<string> {
  if (contentType.startsWith(XLSX)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.name && cells.push(sheet.name);
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(cell.text);
        });
      });
    }
    return cells.join('\n');
  }
  if (contentType.startsWith('application/pdf')) return readPdf(body).pages.join('\n');
  return body.toString('utf8');
}

/** Calls every URL as the person of `cookie` (null: anonymous) and returns what each one said. */
export async function probe(
  app: FastifyInstance,
  cookie: string | null,
  urls: readonly string[],
): Promise<ProbedResponse[]> {
  const responses: ProbedResponse[] = [];
  for (const url of urls) {
    const response = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    const text = await readableText(String(response.headers['content-type'] ?? ''), response.rawPayload);
    responses.push({ method: 'GET', url, status: response.statusCode, text });
  }
  return responses;
}
