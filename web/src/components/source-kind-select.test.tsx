import type { ChangeEvent, ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SourceKind } from '@cairn/shared';
import { SourceKindSelect } from './source-kind-select';

const noop = () => {};

/** The options as [label, selected], in order. */
function options(props: { label?: string; value: string | undefined }) {
  const html = renderToStaticMarkup(<SourceKindSelect {...props} onChange={noop} />);
  return { html, options: [...html.matchAll(/<option value="[^"]*"( selected="")?>([^<]*)<\/option>/g)].map((match) => [match[2], Boolean(match[1])]) };
}

/** What `onChange` hands back when the select is set to `value`: the select, as the field renders it, is sent the change. */
function pick(value: string): SourceKind | undefined {
  let picked: SourceKind | undefined | 'not called' = 'not called';
  const field = SourceKindSelect({ value: undefined, onChange: (kind) => (picked = kind) }) as ReactElement<{ children: (props: { id: string }) => ReactElement<{ onChange: (event: ChangeEvent<HTMLSelectElement>) => void }> }>;
  field.props.children({ id: 'kind' }).props.onChange({ target: { value } } as ChangeEvent<HTMLSelectElement>);
  if (picked === 'not called') throw new Error('onChange was not called');
  return picked;
}

describe('SourceKindSelect', () => {
  it('offers all kinds, then each kind by its plural name, under the label “Source kind” unless told another', () => {
    const all = options({ value: undefined });
    expect(all.options).toEqual([
      ['All kinds', true],
      ['Interviews', false],
      ['Tickets', false],
      ['Survey answers', false],
      ['Reviews', false],
      ['Notes', false],
    ]);
    expect(all.html).toMatch(/<label[^>]*>Source kind<\/label>/);
    expect(options({ label: 'Kind', value: undefined }).html).toMatch(/<label[^>]*>Kind<\/label>/);
  });

  it('shows the chosen kind selected, with no option more', () => {
    const chosen = options({ value: 'ticket' }).options;
    expect(chosen).toHaveLength(6);
    expect(chosen.filter(([, selected]) => selected)).toEqual([['Tickets', true]]);
  });

  it('names several kinds from a link in one more option, selected, and a kind it does not know as it is', () => {
    const several = options({ value: 'ticket,survey_response,chat' }).options;
    expect(several).toHaveLength(7);
    expect(several.at(-1)).toEqual(['Tickets + Survey answers + chat', true]);
    expect(several.filter(([, selected]) => selected)).toHaveLength(1);
  });

  it('hands back the kind picked, or nothing for all kinds', () => {
    expect(pick('survey_response')).toBe('survey_response');
    expect(pick('')).toBeUndefined();
  });
});
