import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImportStartedSchema, type ImportFormat, type ImportOptions } from '@cairn/shared';
import { apiRequest, uploadTimeoutMs } from '../../../lib/api-client';
import { importHistoryKey } from './list-imports';
import { toUploadForm } from './upload-form';

export type StartImportInput = { format: ImportFormat; file: File; options: ImportOptions };

/** Uploads the file; the server answers 202 as soon as it is stored and imports it in the background. */
export function useStartImport(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ format, file, options }: StartImportInput) =>
      apiRequest(`/workspaces/${ws}/imports`, ImportStartedSchema, {
        method: 'POST',
        formData: toUploadForm(format, file, options),
        signal: AbortSignal.timeout(uploadTimeoutMs(file.size)),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importHistoryKey(ws) }),
  });
}
