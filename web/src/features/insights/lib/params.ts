/** A value read from the URL, if it is one of `values` (a status, a sort): anything else is as if it were absent. */
export const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((candidate) => candidate === value);
