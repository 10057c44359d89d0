import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFields, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  IMPORT_FORMATS,
  ImportFormatSchema,
  importOptionsSchemaFor,
  type ImportFormat,
  type ImportOptions,
  type ProblemIssue,
} from '@cairn/shared';
import { AppError, invalidField } from '../../errors.js';

/** An upload whose fields are valid and whose file part has not been read yet. */
export type Upload = { format: ImportFormat; options: ImportOptions; fileName: string; part: MultipartFile };

const FILE_NAME_MAX_LENGTH = 255;
const CONTROL_CHARS = /[\u0000-\u001F\u007F]/g;

function fieldValue(fields: MultipartFields, name: string): string | undefined {
  const entry = fields[name];
  const field = Array.isArray(entry) ? entry[0] : entry;
  return field?.type === 'field' ? String(field.value) : undefined;
}

/** `format` and `options` arrive before the file, so they are checked before a byte of it is read. */
function readFields(fields: MultipartFields): Pick<Upload, 'format' | 'options'> {
  const issues: ProblemIssue[] = [];
  const formatText = fieldValue(fields, 'format');
  const format = ImportFormatSchema.safeParse(formatText);
  if (!format.success) {
    issues.push({
      path: 'body.format',
      message: formatText === undefined ? `Send the format field (${IMPORT_FORMATS.join(', ')}) before the file` : `Unknown format "${formatText}"; use one of ${IMPORT_FORMATS.join(', ')}`,
    });
  }
  let options: ImportOptions = {};
  const optionsText = fieldValue(fields, 'options');
  if (optionsText !== undefined && optionsText.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(optionsText);
    } catch {
      issues.push({ path: 'body.options', message: 'options must be a JSON object' });
    }
    if (json !== undefined && format.success) {
      const parsed = importOptionsSchemaFor(format.data).safeParse(json);
      if (parsed.success) options = parsed.data;
      else issues.push(...parsed.error.issues.map((issue) => ({ path: ['body', 'options', ...issue.path.map(String)].join('.'), message: issue.message })));
    }
  }
  if (issues.length || !format.success) throw new AppError('validation_failed', 'The upload is invalid', issues);
  return { format: format.data, options };
}

/** The name to show for the file: no folders, no control characters, not empty. */
function cleanFileName(name: string | undefined): string {
  return path.basename(name ?? '').replace(CONTROL_CHARS, '').trim().slice(0, FILE_NAME_MAX_LENGTH) || 'upload';
}

/** Reads the upload's fields; the file part is left unread for the caller to stream. */
export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  const part = await request.file();
  if (!part) throw invalidField('body.file', 'Attach the file to import, after the format and options fields');
  try {
    return { ...readFields(part.fields), fileName: cleanFileName(part.filename), part };
  } catch (error) {
    discardRest(request);
    throw error;
  }
}

/**
 * Reads the rest of an upload and throws it away, so the keep-alive connection reaches the next
 * request. The request has to be unpiped from the multipart parser first: @fastify/multipart
 * unpipes it when the file stream closes (a parser that stopped early destroyed it), and unpipe
 * pauses a stream left without destinations. That came a tick after a plain resume() and undid
 * it: the rest stayed on the socket, and the next request on it was never read.
 * At most as much as this install accepts (UPLOAD_MAX_BYTES) is thrown away: past it the answer
 * went out long ago, and the connection is dropped rather than kept busy.
 */
export function discardRest(request: FastifyRequest) {
  const raw = request.raw;
  const discardMaxBytes = request.server.config.uploadMaxBytes;
  raw.unpipe();
  let discarded = 0;
  raw.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > discardMaxBytes) raw.destroy();
  });
  raw.resume();
}

/**
 * Streams the file to a temporary file, never into memory. Beyond the size limit the upload
 * is refused with 413 and nothing is kept.
 */
export async function saveToTempFile(request: FastifyRequest, part: MultipartFile): Promise<{ filePath: string; removeFile: () => Promise<void> }> {
  const directory = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cairn-import-'));
  const removeFile = () => fs.promises.rm(directory, { recursive: true, force: true });
  const filePath = path.join(directory, 'upload');
  try {
    await pipeline(part.file, fs.createWriteStream(filePath));
  } catch (error) {
    discardRest(request);
    await removeFile();
    throw error;
  }
  if (part.file.truncated) {
    discardRest(request);
    await removeFile();
    // A truncated file stops at the limit: what was read is the limit.
    throw new AppError('payload_too_large', `The file is larger than the upload limit of ${formatBytes(part.file.bytesRead)} (UPLOAD_MAX_BYTES)`);
  }
  return { filePath, removeFile };
}

function formatBytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return megabytes >= 1 ? `${Number(megabytes.toFixed(1))} MB` : `${bytes} bytes`;
}
