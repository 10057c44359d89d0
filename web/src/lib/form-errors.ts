import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api-client';

/** How zod's own English messages begin; the shared schemas' messages never do (shared form-messages.test.ts). */
const ZOD_WORDING = /^(Too small|Too big|Invalid)\b/;

/**
 * A person's words for zod's usual findings ("Too small: expected string to have >=1
 * characters" is for developers). A message a schema wrote itself ("Enter the tag's name", a
 * refinement's) is already a person's words and stays as written.
 */
function phrase(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Required' : `Use at least ${issue.minimum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `Use at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `Use ${issue.minimum} or more`;
  if (issue.code === 'invalid_type' && (issue.expected === 'int' || issue.expected === 'number')) return 'Use a whole number';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'Use an email address like name@example.com';
  if (issue.code === 'invalid_format' && issue.format === 'datetime') return 'Use a date and time';
  return issue.message;
}

/** A form's own zod issues by field (`company.name`), the first of each in a person's words. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const issues: Record<string, string> = {};
  for (const issue of error.issues) issues[issue.path.map(String).join('.')] ??= phrase(issue);
  return issues;
}

/**
 * What a form shows of its errors: per field, what the form found before sending, else what the
 * server said of that field (problem+json `errors`); and apart from the fields, a failure none of
 * them shows (a conflict, a lost connection), so that nothing the server said is dropped.
 */
export function formErrors(fields: readonly string[], local: Record<string, string>, error: unknown) {
  const field = (name: string) => local[name] ?? (error instanceof ApiError ? error.fieldError(name) : undefined);
  const shownByAField = error instanceof ApiError && fields.some((name) => error.fieldError(name));
  return { field, other: error && !shownByAField ? error : null };
}

/** Moves the focus to the form's first field marked as wrong, so that a keyboard or screen reader lands on what to fix. */
function focusFirstError(form: Element | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * A form's errors (formErrors) with its own check before sending: `check(Schema.safeParse(body),
 * form)` gives the body if the shared schema accepts it; else its issues go to their fields and
 * nothing is sent. Each time errors show at fields, the form's own or those the server's answer
 * names, the first field with one takes the focus. The form comes with every check, so that no
 * form can forget it; the server's answer always follows a check, since only a checked body is
 * sent. `clear` forgets the issues found, for a form that starts again.
 */
export function useFormErrors(fields: readonly string[], error: unknown) {
  const [issues, setIssues] = useState<Record<string, string>>({});
  const checkedForm = useRef<Element | null>(null);
  useEffect(() => {
    if (Object.keys(issues).length) focusFirstError(checkedForm.current);
  }, [issues]);
  // A failure no field shows marks no field, and leaves the focus where it is.
  useEffect(() => {
    if (error) focusFirstError(checkedForm.current);
  }, [error]);
  const check = <T>(result: z.ZodSafeParseResult<T>, form: Element): T | null => {
    checkedForm.current = form;
    setIssues(result.success ? {} : issuesByField(result.error));
    return result.success ? result.data : null;
  };
  return { ...formErrors(fields, issues, error), check, clear: () => setIssues({}) };
}
