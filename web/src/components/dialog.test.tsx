import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Dialog } from './dialog';

const renderDialog = () =>
  renderToStaticMarkup(
    <Dialog open title="Rename tag" onClose={() => {}} footer={<button type="button">Save</button>}>
      <p>Body</p>
    </Dialog>,
  );

describe('Dialog', () => {
  it('is named by its title', () => {
    const html = renderDialog();
    const labelledBy = /<dialog[^>]* aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelledBy).toBeTruthy();
    expect(html).toContain(`<h2 id="${labelledBy}">Rename tag</h2>`);
  });

  it('draws its header and footer without the page’s banner and contentinfo landmarks', () => {
    const html = renderDialog();
    expect(html).not.toMatch(/<(header|footer)\b/);
    expect(html).toMatch(/<div class="dialog-header">/);
    expect(html).toMatch(/<div class="dialog-footer">/);
  });
});
