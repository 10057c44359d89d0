/**
 * The SQLSTATE of a database error (`23505`, `57014`…), or undefined for any other error.
 * Drizzle wraps the driver's error in its own: the code is one level down.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const codeOf = (value: unknown) => {
    const code = (value as { code?: unknown } | null | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
  };
  return codeOf(error) ?? codeOf((error as { cause?: unknown } | null | undefined)?.cause);
}
