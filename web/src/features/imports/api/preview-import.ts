import { useMutation } from '@tanstack/react-query';
import { ImportPreviewSchema, type ImportFormat, type ImportOptions } from '@cairn/shared';
import { apiRequest, uploadTimeoutMs } from '../../../lib/api-client';
import { toUploadForm } from './upload-form';

/**
 * A CSV preview needs only the first rows: the start of the file is enough, so a 100 MB export
 * is not uploaded twice. Transcripts (a .docx is a zip read from its end) and JSON documents go whole.
 */
const CSV_PREVIEW_BYTES = 1024 * 1024;

export type PreviewImportInput = { format: ImportFormat; file: File; options: ImportOptions };

export function previewImport(ws: string, { format, file, options }: PreviewImportInput, signal?: AbortSignal) {
  const isCsv = format === 'tickets-csv' || format === 'survey-csv';
  const sample = isCsv && file.size > CSV_PREVIEW_BYTES ? new File([file.slice(0, CSV_PREVIEW_BYTES)], file.name, { type: file.type }) : file;
  return apiRequest(`/workspaces/${ws}/imports/preview`, ImportPreviewSchema, {
    method: 'POST',
    formData: toUploadForm(format, sample, options),
    signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(uploadTimeoutMs(sample.size))]) : AbortSignal.timeout(uploadTimeoutMs(sample.size)),
  });
}

/** Nothing is stored: a mutation only because it sends a file. */
export const usePreviewImport = (ws: string) => useMutation({ mutationFn: (input: PreviewImportInput) => previewImport(ws, input) });
