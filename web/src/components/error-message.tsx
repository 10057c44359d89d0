import { ApiError } from '../lib/api-client';

/** Shows what went wrong in words a person can act on. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <p className="error-message" role="alert">
      {message}
    </p>
  );
}
