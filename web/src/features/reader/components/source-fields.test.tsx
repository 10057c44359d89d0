// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Source } from '@cairn/shared';
import { mountRoot } from '../../../testing/mount';
import { SourceBody } from './source-body';

const FIELDS = ['Plan', 'Country', 'Seats', 'Region', 'Segment', 'Owner', 'Renewal', 'Language'].map((name, i) => ({ name, value: `${name.toLowerCase()} ${i + 1}` }));

const source = (kind: Source['kind'], metadata: Record<string, unknown>) =>
  ({ kind, title: 'What should we improve?', body: 'The export is slow.', segments: null, customer: null, metadata, highlights: [] }) as Partial<Source> as Source;

describe('SourceFields in the reader', () => {
  const root = mountRoot();

  const section = () => document.querySelector<HTMLElement>('section.source-fields');
  /** Each term and its value, in the order shown. */
  const shown = () => [...section()!.querySelectorAll('dl > div')].map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent]);
  const toggle = () => section()!.querySelector<HTMLButtonElement>('button');

  it('lists a ticket’s fields in the file’s order under a “Fields” heading that names the section', async () => {
    await root.render(<SourceBody source={source('ticket', { priority: 'high', fields: FIELDS.slice(0, 3) })} marks={[]} />);
    const heading = document.getElementById(section()!.getAttribute('aria-labelledby')!);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('Fields');
    expect(shown()).toEqual([
      ['Plan', 'plan 1'],
      ['Country', 'country 2'],
      ['Seats', 'seats 3'],
    ]);
    expect(toggle()).toBeNull();
    // The ticket's own fields stay where they were.
    expect(document.querySelector('.ticket-fields')!.textContent).toContain('priority');
  });

  it('shows six fields of a longer list and the rest behind a button that says it is collapsed, and back', async () => {
    await root.render(<SourceBody source={source('survey_response', { question: 'What should we improve?', fields: FIELDS })} marks={[]} />);
    expect(shown().map(([name]) => name)).toEqual(['Plan', 'Country', 'Seats', 'Region', 'Segment', 'Owner']);
    const button = toggle()!;
    expect(button.textContent).toBe('Show all 8 fields');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(button.getAttribute('aria-controls')!)?.tagName).toBe('DL');
    await act(async () => button.click());
    expect(shown()).toHaveLength(8);
    expect(shown().at(-1)).toEqual(['Language', 'language 8']);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Show fewer fields');
    await act(async () => button.click());
    expect(shown()).toHaveLength(6);
  });

  it('shows no Fields section for a source without fields, or with malformed ones an API caller wrote', async () => {
    await root.render(<SourceBody source={source('ticket', {})} marks={[]} />);
    expect(section()).toBeNull();
    await root.render(<SourceBody source={source('survey_response', { fields: { Plan: 'Pro' } })} marks={[]} />);
    expect(section()).toBeNull();
  });
});
