import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, TextInput } from './field';

/** The field as HTML, parsed just enough to follow aria-describedby to the text it points at. */
function renderField(props: { hint?: string; error?: string }) {
  const html = renderToStaticMarkup(
    <Field label="Password" {...props}>
      {(inputProps) => <TextInput {...inputProps} />}
    </Field>,
  );
  const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
  const description = describedBy ? new RegExp(`id="${describedBy}"[^>]*>([^<]*)<`).exec(html)?.[1] : undefined;
  return { html, describedBy, description };
}

describe('Field', () => {
  it('describes the control by its hint while there is no error', () => {
    const field = renderField({ hint: 'At least 10 characters.' });
    expect(field.description).toBe('At least 10 characters.');
    expect(field.html).not.toContain('aria-invalid');
  });

  it('shows the error in place of the hint, and describes the control by the error alone', () => {
    const field = renderField({ hint: 'At least 10 characters.', error: 'Use at least 10 characters' });
    expect(field.html).not.toContain('At least 10 characters.');
    expect(field.describedBy?.split(' ')).toHaveLength(1);
    expect(field.description).toBe('Use at least 10 characters');
    expect(field.html).toContain('aria-invalid="true"');
    expect(field.html).toContain('role="alert"');
  });

  it('describes the control by nothing when it has neither hint nor error', () => {
    expect(renderField({}).describedBy).toBeUndefined();
  });
});
