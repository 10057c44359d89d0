import { describe, expect, it } from 'vitest';
import { htmlToText, normalizeText, toTicketTitle, toTitle } from './normalize.js';

describe('normalizeText', () => {
  it('composes to NFC, unifies line breaks and drops control characters but tabs and newlines', () => {
    expect(normalizeText('Cafe\u0301\r\nline\rnext\u2028last')).toBe('Café\nline\nnext\nlast');
    expect(normalizeText('a\u0000b\u0007c\u001Bd\u0085e\tf')).toBe('abcde\tf');
  });

  it('trims trailing whitespace on each line and whitespace around the whole text', () => {
    expect(normalizeText('\n\n  first  \t\nsecond \u00A0\n\n')).toBe('first\nsecond');
  });

  it('stays fast on a long run of spaces inside a line', () => {
    // A quadratic scan of these 200,000 spaces would not end within the test's timeout.
    expect(normalizeText(`a${' '.repeat(200_000)}b \n`)).toBe(`a${' '.repeat(200_000)}b`);
  });

  it('keeps leading indentation inside the text and emoji as they are', () => {
    expect(normalizeText('a\n  indented 👩🏽‍💻')).toBe('a\n  indented 👩🏽‍💻');
  });
});

describe('toTitle and toTicketTitle', () => {
  it('makes one line and cuts long text on a word boundary with an ellipsis', () => {
    expect(toTitle('Hello\n  world')).toBe('Hello world');
    expect(toTitle('The export button does not work at all', 20)).toBe('The export button…');
  });

  it('prefers the subject and falls back to the first 80 characters of the body', () => {
    expect(toTicketTitle('Refund', 'body')).toBe('Refund');
    const fromBody = toTicketTitle('  ', 'word '.repeat(40));
    expect(fromBody.length).toBeLessThanOrEqual(80);
    expect(fromBody).toMatch(/^word word .*word…$/);
    expect(toTicketTitle(null, 'Short body')).toBe('Short body');
  });
});

describe('htmlToText', () => {
  it('turns paragraphs and breaks into line breaks and removes every tag', () => {
    expect(htmlToText('<p>Hi <b>team</b>,</p><p>the export<br>fails<br/>again.</p>')).toBe('Hi team,\n\nthe export\nfails\nagain.');
  });

  it('decodes named, numeric and legacy entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; cr&#232;me &#x1F389; &lt;script&gt;alert(1)&lt;/script&gt; &copy 2024&nbsp;!</p>')).toBe(
      'Café & crème 🎉 <script>alert(1)</script> © 2024 !',
    );
  });

  it('drops scripts, styles and comments with their content, and tags whose attributes contain ">"', () => {
    expect(htmlToText('<style>p{}</style><script>x()</script><!-- note --><a title="a>b" href="#">link</a> <img src="x.png" alt="i">ok')).toBe('link ok');
  });

  it('lays lists, tables and headings out as lines, collapsing HTML source whitespace', () => {
    const html = '<h1>Bug</h1>\n  <ul>\n <li>one</li>\n <li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>';
    expect(htmlToText(html)).toBe('Bug\n\none\n\ntwo\n\na\n\nb');
  });

  it('leaves plain text alone, including a lone "<"', () => {
    expect(htmlToText('3 < 5 and 7 > 2')).toBe('3 < 5 and 7 > 2');
  });

  it('stays fast on text full of "<" that never closes', () => {
    // Rescanning from every "<" would be quadratic: it would not end within the test's timeout.
    expect(htmlToText('x<a <p <br '.repeat(50_000))).toHaveLength(550_000 - 1);
  });
});
