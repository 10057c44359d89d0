// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import { InsightDetail } from './insight-detail';
import { highlightListItem } from '../../highlights/testing/highlight-list-item';
import { AT, insightDetail } from '../testing/insight-detail';
import { addEvidenceButton, describeAddEvidence, pressL } from '../testing/add-evidence-page';
import { WS } from '../../../testing/mount';
import { until } from '../../../testing/react-dom';

const ID = '00000000-0000-4000-8000-0000000000aa';
const PROBLEM = insightDetail({ id: ID, title: 'Exports fail' });

const highlight = (n: number, quote: string) => highlightListItem(n, quote, AT);
const PICKED = [highlight(1, 'The CSV export fails every time.'), highlight(2, 'Our yearly export times out.')];

describeAddEvidence(
  'InsightDetail: Add evidence',
  {
    path: `insights/${ID}`,
    detail: (linked) => ({ ...PROBLEM, evidenceCount: linked }),
    owner: { insightId: ID },
    title: PROBLEM.title,
    counted: () => Number([...document.querySelectorAll('.insight-facts span')].map((fact) => /^(\d+) highlights?$/.exec(fact.textContent ?? '')?.[1]).find(Boolean)),
    picked: PICKED,
    page: (renderEvidencePicker) => <InsightDetail ws={WS} id={ID} renderEvidencePicker={renderEvidencePicker} />,
  },
  (page) => {
    it('opens the picker on l for a contributor, links what is picked, and lists it at once', async () => {
      await page.render('contributor');
      await until(() => expect(addEvidenceButton()?.getAttribute('aria-keyshortcuts')).toBe('l'));
      await until(() => expect(document.body.textContent).toContain("No evidence yet. Choose Add evidence (or press l) to pick quotes from the workspace's highlights. In the Triage queue"));
      await pressL();
      expect(page.picker()).toMatchObject({ title: 'Add evidence to “Exports fail”', addedTo: { insightId: ID }, busy: false });

      await act(async () => page.picker()!.onPick(PICKED.map((item) => item.id)));
      await until(() => expect(document.body.textContent).toContain('Linked 2 highlights to “Exports fail”'));
      const posted = page.server().mock.calls.find(([, init]) => init?.method === 'POST');
      expect(JSON.parse(String(posted![1]!.body))).toEqual({ highlightIds: PICKED.map((item) => item.id) });
      // Closed, and the evidence list fetched again: both quotes show without a reload.
      expect(document.body.textContent).not.toContain('picker');
      await until(() => expect([...document.querySelectorAll('.evidence-item blockquote')].map((quote) => quote.textContent)).toEqual(PICKED.map((item) => item.quote)));
    });
  },
);
