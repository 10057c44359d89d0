import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../testing/mount';
import { AdminOnly } from './settings-layout';

describe('AdminOnly', () => {
  it('tells a member below admin why, under a key drawn in the page rather than a character the fonts may lack', () => {
    const html = renderToStaticMarkup(
      <AppProviders role="researcher">
        <AdminOnly what="the audit log">The log</AdminOnly>
      </AppProviders>,
    );
    expect(html).toContain('Only admins and owners can see the audit log.');
    expect(html).not.toContain('⚿');
    expect(html).toMatch(/<div class="empty-state-icon" aria-hidden="true"><svg class="key-icon"[^>]* aria-hidden="true"/);
  });
});
