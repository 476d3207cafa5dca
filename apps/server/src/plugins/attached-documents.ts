import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** A file received from a multipart upload, whole in memory (documents are capped at a few MB). */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  bytes: Buffer;
}

const fileRequired = () =>
  new AppError('VALIDATION', { field: 'file', params: { detail: 'detail.FILE_REQUIRED' } });

/**
 * Reads the one part named `file` of a multipart request (other files are drained), turning the
 * multipart plugin's refusals into clear errors on `file`: too large, or not a file upload. The
 * caller checks the person's right before calling it, so that no byte is read for nothing.
 */
export async function readUploadedFile(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw fileRequired();
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && !file) {
        file = { filename: part.filename, mimetype: part.mimetype, bytes: await part.toBuffer() };
      } else if (part.type === 'file') {
        part.file.resume();
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('VALIDATION', { field: 'file', params: { detail: 'detail.FILE_TOO_LARGE' } });
    }
    if (typeof code === 'string' && code.startsWith('FST_')) throw fileRequired();
    throw error;
  }
  if (!file) throw fileRequired();
  return file;
}

/** `filename="…"` for old clients (ASCII only), `filename*` with the real name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends a stored document as a download that a browser never runs nor sniffs, and never caches:
 * whatever someone uploaded (an HTML page, say) stays a file.
 */
export function sendDocument(
  reply: FastifyReply,
  document: { name: string; content_type: string; bytes: Buffer | Uint8Array },
) {
  reply
    .header('content-type', document.content_type)
    .header('content-disposition', contentDisposition(document.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store');
  return reply.send(document.bytes);
}
