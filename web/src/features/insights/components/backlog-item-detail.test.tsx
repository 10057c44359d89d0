// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import type { BacklogItemDetail as BacklogItemData } from '@cairn/shared';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { addEvidenceButton, describeAddEvidence, pressL } from '../testing/add-evidence-page';
import { NO_SCORE } from '../testing/insight-detail';
import { WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';
import { BacklogItemDetail } from './backlog-item-detail';

const ID = '00000000-0000-4000-8000-0000000000bb';
const AT = '2025-03-04T10:00:00.000Z';
const ITEM: BacklogItemData = {
  id: ID,
  title: 'Background exports',
  status: 'idea',
  externalKey: null,
  description: null,
  externalUrl: null,
  score: NO_SCORE,
  insightCount: 0,
  createdBy: null,
  createdAt: AT,
  updatedAt: AT,
  deletedAt: null,
  evidence: [],
  insights: [],
  customers: [],
};

const highlight = (n: number, quote: string) => highlightListItem(n, quote, AT, { via: { direct: true, insights: [] } });
const PICKED = [highlight(1, 'The CSV export fails every time.'), highlight(2, 'Our yearly export times out.')];

describeAddEvidence(
  'BacklogItemDetail: Add evidence',
  {
    path: `backlog-items/${ID}`,
    detail: (linked) => ({ ...ITEM, score: { ...NO_SCORE, highlights: linked } }),
    owner: { evidenceOfBacklogItemId: ID },
    title: ITEM.title,
    counted: () => Number(/(\d+) highlights? \(/.exec(document.querySelector('.score-explained')?.textContent ?? '')?.[1]),
    picked: PICKED,
    page: (renderEvidencePicker) => <BacklogItemDetail ws={WS} id={ID} renderEvidencePicker={renderEvidencePicker} />,
  },
  (page) => {
    it('opens the picker on l for a contributor, with all the evidence the item counts shown as there, and links what is picked', async () => {
      await page.render('contributor');
      await until(() => expect(addEvidenceButton()?.getAttribute('aria-keyshortcuts')).toBe('l'));
      await until(() => expect(document.body.textContent).toContain("Choose Add evidence (or press l) to pick quotes from the workspace's highlights."));
      await pressL();
      expect(page.picker()).toMatchObject({ title: 'Add evidence to “Background exports”', addedTo: { evidenceOfBacklogItemId: ID }, busy: false });

      await act(async () => page.picker()!.onPick(PICKED.map((item) => item.id)));
      await until(() => expect(document.body.textContent).toContain('Linked 2 highlights to “Background exports”'));
      const posted = page.server().mock.calls.find(([, init]) => init?.method === 'POST');
      expect(posted![0]).toBe(`/api/workspaces/${WS}/backlog-items/${ID}/evidence`);
      expect(JSON.parse(String(posted![1]!.body))).toEqual({ highlightIds: PICKED.map((item) => item.id) });
      // Closed, and the evidence fetched again: both quotes show without a reload.
      expect(document.body.textContent).not.toContain('picker');
      await until(() => expect([...document.querySelectorAll('.evidence-item blockquote')].map((quote) => quote.textContent)).toEqual(PICKED.map((item) => item.quote)));
    });
  },
);
