import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** The path of the first string holding a NUL character, which PostgreSQL text cannot store. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, `${path}.${key}`) ?? findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses, with the field's path, any input that PostgreSQL would reject with a 500. */
export function rejectNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body, 'body') ?? findNul(request.query, 'querystring');
    if (field) throw new AppError('VALIDATION', { field, params: { detail: 'detail.NUL' } });
  });
}
