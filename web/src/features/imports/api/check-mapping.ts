import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportFormat, ImportOptions, MappingCheck } from '@cairn/shared';
import { previewImport } from './preview-import';

/** How long the mapping must stay put before its rows are checked: changing three columns asks once, not three times. */
const CHECK_DEBOUNCE_MS = 300;

/** What the check depends on: the mapping and how dates and scores read (not the title, redaction…). */
export type MappingCheckOptions = Pick<ImportOptions, 'mapping' | 'dateOrder' | 'scoreScale'>;

/** A query key cannot hold a File: each one gets a number for as long as it lives. */
const fileNumbers = new WeakMap<File, number>();
let filesNumbered = 0;
function fileNumberOf(file: File): number {
  if (!fileNumbers.has(file)) fileNumbers.set(file, ++filesNumbered);
  return fileNumbers.get(file)!;
}

export type MappingCheckRequest = { format: ImportFormat; file: File; options: MappingCheckOptions };

/**
 * The file's first rows run through the options' mapping by the preview endpoint, once the
 * request has stayed put for a moment; `null` asks nothing (the preview already checked these
 * options, or the mapping is incomplete). One request per mapping: its answer is kept for the file.
 */
export function useMappingCheck(ws: string, request: MappingCheckRequest | null) {
  // Compared as JSON: the wizard builds new options on every render.
  const wanted = request && JSON.stringify([request.format, fileNumberOf(request.file), request.options]);
  const [asked, setAsked] = useState(wanted);
  const file = request?.file;
  useEffect(() => {
    const timer = setTimeout(() => setAsked(wanted), CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const current = wanted !== null && asked === wanted;
  const query = useQuery({
    queryKey: ['imports', ws, 'mapping-check', asked],
    queryFn: async ({ signal }): Promise<MappingCheck | null> => {
      const [format, , options] = JSON.parse(asked!) as [ImportFormat, number, ImportOptions];
      return (await previewImport(ws, { format, file: file!, options }, signal)).mappingCheck;
    },
    enabled: current && file !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  return { data: current ? query.data : undefined, error: current ? query.error : null, checking: wanted !== null && (!current || query.isFetching) };
}
