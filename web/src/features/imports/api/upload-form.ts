import type { ImportFormat, ImportOptions } from '@cairn/shared';

/** The multipart body of an upload: the fields first, then the file, as the server requires. */
export function toUploadForm(format: ImportFormat, file: File, options: ImportOptions): FormData {
  const form = new FormData();
  form.append('format', format);
  form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return form;
}
