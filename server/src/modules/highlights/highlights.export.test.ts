import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_IDS_MAX, HIGHLIGHTS_CSV_COLUMNS } from '@cairn/shared';
import { backlogHighlights, backlogInsights, companies, highlights, insightHighlights } from '../../db/schema/index.js';
import { errorPaths, useTestApp } from '../../../test/app.js';
import {
  createBacklogItem,
  createCustomer,
  createHighlight,
  createInsight,
  createMember,
  createSource,
  createTag,
  createTokenCaller,
  createWorkspace,
  type TestWorkspace,
} from '../../../test/factories.js';
import { EXPORT_PAGE_SIZE } from './highlights.service.js';

const context = useTestApp();

const exportUrl = (ws: string, query = '') => `/api/workspaces/${ws}/highlights.csv${query ? `?${query}` : ''}`;
const listUrl = (ws: string, query: string) => `/api/workspaces/${ws}/highlights?${query}`;
/** A selection as the web app sends it: `ids` repeated. */
const idsQuery = (ids: string[]) => ids.map((id) => `ids=${id}`).join('&');
type Row = Record<(typeof HIGHLIGHTS_CSV_COLUMNS)[number], string>;

/** The CSV read back as a spreadsheet would: the BOM dropped, one object per row under the header. */
function rowsOf(response: LightMyRequestResponse): Row[] {
  expect(response.statusCode, response.body).toBe(200);
  const [header, ...records] = parse(response.rawPayload, { bom: true }) as string[][];
  expect(header).toEqual([...HIGHLIGHTS_CSV_COLUMNS]);
  return records.map((record) => Object.fromEntries(HIGHLIGHTS_CSV_COLUMNS.map((column, index) => [column, record[index]])) as Row);
}

const quotesOf = (rows: Row[]) => rows.map((row) => row.Quote).sort();

describe('GET /highlights.csv', () => {
  it('writes every live highlight with its source, customer, company, author and a link to its passage, as UTF-8 with a BOM', async () => {
    const workspace = await createWorkspace(context);
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Initech, Inc.', segment: 'Enterprise' }).returning();
    const customer = await createCustomer(context, workspace, { name: 'Zoë "Z" Müller', email: 'zoe@initech.example', companyId: company!.id });
    const interview = await createSource(context, workspace, {
      kind: 'survey_response',
      title: 'Café survey, "Q2"',
      body: 'Crème brûlée, please.\nAnd a "real" export\r\nwith lines — déjà vu ☕',
      customerId: customer.id,
      occurredAt: new Date('2024-03-01T09:30:00Z'),
    });
    const [billing, pricing] = [await createTag(context, workspace, { name: 'billing, invoices' }), await createTag(context, workspace, { name: 'pricing' })];
    const highlight = await createHighlight(context, workspace, interview, { note: 'Says it twice, "loudly"', tagIds: [billing.id, pricing.id] });
    await createHighlight(context, workspace, await createSource(context, workspace, { body: 'Plain ticket' }));

    const response = await workspace.owner.as.request('GET', exportUrl(workspace.id), undefined, { host: 'cairn.example.com:8443' });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="cairn-highlights-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(response);
    expect(rows).toHaveLength(2);
    // Newest first, as the list.
    expect(rows[0]!.Quote).toBe('Plain ticket');
    expect(rows[1]).toEqual({
      Quote: interview.body,
      Note: 'Says it twice, "loudly"',
      Tags: expect.stringMatching(/^(billing, invoices; pricing|pricing; billing, invoices)$/),
      Source: 'Café survey, "Q2"',
      'Source kind': 'survey response',
      'Said at': '2024-03-01T09:30:00.000Z',
      Customer: 'Zoë "Z" Müller',
      Email: 'zoe@initech.example',
      Company: 'Initech, Inc.',
      Segment: 'Enterprise',
      'Highlighted by': workspace.owner.name,
      'Highlighted at': highlight.createdAt.toISOString(),
      Link: `http://cairn.example.com:8443/w/${workspace.id}/sources/${interview.id}#h-${highlight.id}`,
    } satisfies Row);
    expect(rows[0]).toMatchObject({ Customer: '', Email: '', Company: '', Segment: '', Note: '', Tags: '' });
  });

  it('takes the filters of the list: tag, problem, backlog item, importance, kind, customer, segment, dates and words', async () => {
    const workspace = await createWorkspace(context);
    const [company] = await context.db.insert(companies).values({ workspaceId: workspace.id, name: 'Initech', segment: 'Enterprise' }).returning();
    const customer = await createCustomer(context, workspace, { companyId: company!.id });
    const interview = await createSource(context, workspace, { kind: 'interview', body: 'Billing is confusing every month.', customerId: customer.id, occurredAt: new Date('2024-03-01T00:00:00Z') });
    const ticket = await createSource(context, workspace, { kind: 'ticket', body: 'Export keeps timing out.', occurredAt: new Date('2024-06-01T00:00:00Z') });
    const billing = await createTag(context, workspace, { name: 'billing' });
    const own = await createHighlight(context, workspace, interview, { start: 0, end: 7, tagIds: [billing.id] });
    const throughProblem = await createHighlight(context, workspace, ticket, { start: 0, end: 6 });
    const throughTrashedProblem = await createHighlight(context, workspace, ticket, { start: 7, end: 12 });
    const problem = await createInsight(context, workspace);
    const trashedProblem = await createInsight(context, workspace, { deletedAt: new Date() });
    const item = await createBacklogItem(context, workspace);
    const link = { workspaceId: workspace.id, createdBy: workspace.owner.id };
    await context.db.insert(insightHighlights).values([
      { ...link, insightId: problem.id, highlightId: throughProblem.id, importance: 'critical' },
      { ...link, insightId: trashedProblem.id, highlightId: throughTrashedProblem.id },
    ]);
    await context.db.insert(backlogHighlights).values({ ...link, backlogItemId: item.id, highlightId: own.id });
    await context.db.insert(backlogInsights).values([
      { ...link, backlogItemId: item.id, insightId: problem.id },
      { ...link, backlogItemId: item.id, insightId: trashedProblem.id },
    ]);

    const quotes = async (query: string) => quotesOf(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, query))));
    expect(await quotes('')).toEqual(['Billing', 'Export', 'keeps']);
    expect(await quotes(`tagId=${billing.id}`)).toEqual(['Billing']);
    expect(await quotes(`insightId=${problem.id}`)).toEqual(['Export']);
    expect(await quotes(`backlogItemId=${item.id}`)).toEqual(['Billing']);
    // An item's evidence: its own, and its live problems'.
    expect(await quotes(`evidenceOfBacklogItemId=${item.id}`)).toEqual(['Billing', 'Export']);
    // Of an importance: as the list gives each row (the item's own link `important`, its problem's `critical`).
    expect(await quotes(`evidenceOfBacklogItemId=${item.id}&importance=critical`)).toEqual(['Export']);
    expect(await quotes(`insightId=${problem.id}&importance=important,nice_to_have`)).toEqual([]);
    expect(await quotes('sourceKind=ticket,survey_response')).toEqual(['Export', 'keeps']);
    expect(await quotes(`customerId=${customer.id}`)).toEqual(['Billing']);
    expect(await quotes('segment=enterprise')).toEqual(['Billing']);
    expect(await quotes('from=2024-05-01')).toEqual(['Export', 'keeps']);
    expect(await quotes('to=2024-05-01')).toEqual(['Billing']);
    expect(await quotes('q=billing')).toEqual(['Billing']);
    expect(await quotes(`sourceId=${ticket.id}&q=export`)).toEqual(['Export']);

    // The list's total and the export agree, filter by filter.
    const listed = (await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?evidenceOfBacklogItemId=${item.id}`)).json();
    expect(listed.total).toBe(2);
  });

  it('leaves out highlights in the trash and those of sources in the trash', async () => {
    const workspace = await createWorkspace(context);
    const kept = await createHighlight(context, workspace, await createSource(context, workspace, { body: 'kept' }));
    const trashed = await createHighlight(context, workspace, await createSource(context, workspace, { body: 'trashed highlight' }));
    const source = await createSource(context, workspace, { body: 'trashed source' });
    await createHighlight(context, workspace, source);
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/highlights/${trashed.id}`)).statusCode).toBe(204);
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${source.id}`)).statusCode).toBe(204);
    expect(quotesOf(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id))))).toEqual([kept.quote]);
  });

  it('puts an apostrophe before every cell a spreadsheet would run as a formula, and leaves the rest as they are', async () => {
    const workspace = await createWorkspace(context);
    const customer = await createCustomer(context, workspace, { name: '@admin', email: 'plain@example.org' });
    const dangerous = ['=HYPERLINK("https://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tindented', '\rreturn'];
    for (const body of dangerous) {
      await createHighlight(context, workspace, await createSource(context, workspace, { title: '=1+1', body, customerId: customer.id }), { note: '-note' });
    }
    await createHighlight(context, workspace, await createSource(context, workspace, { title: 'Fine', body: 'A = B, and 1+1 -2 @x' }));

    const rows = rowsOf(await workspace.owner.as.get(exportUrl(workspace.id)));
    expect(rows.map((row) => row.Quote).sort()).toEqual([...dangerous.map((quote) => `'${quote}`), 'A = B, and 1+1 -2 @x'].sort());
    for (const row of rows.filter((row) => row.Source !== 'Fine')) {
      expect([row.Source, row.Note, row.Customer, row.Email]).toEqual(["'=1+1", "'-note", "'@admin", 'plain@example.org']);
    }
    expect(rows.find((row) => row.Source === 'Fine')).toMatchObject({ Quote: 'A = B, and 1+1 -2 @x', Note: '', Customer: '' });
  });

  it('streams more highlights than one page holds, each once, newest first', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'x'.repeat(4 * EXPORT_PAGE_SIZE) });
    const count = 2 * EXPORT_PAGE_SIZE + 1;
    // One statement: every row gets the same created_at, so pages turn on the id alone.
    const inserted = await context.db
      .insert(highlights)
      .values(Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, sourceId: source.id, start: i, end: i + 1, quote: 'x', createdBy: workspace.owner.id })))
      .returning({ id: highlights.id });
    const rows = rowsOf(await workspace.owner.as.get(exportUrl(workspace.id)));
    const ids = rows.map((row) => /#h-(.+)$/.exec(row.Link)![1]);
    expect(ids).toHaveLength(count);
    expect(new Set(ids)).toEqual(new Set(inserted.map((row) => row.id)));
    // The list's order (created_at, then id, descending) is the export's.
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('exports just the selected highlights (ids), which the list gives too, and the other filters still narrow them', async () => {
    const workspace = await createWorkspace(context);
    const source = await createSource(context, workspace, { body: 'Billing is slow. Export fails. Search is fine.' });
    const billing = await createHighlight(context, workspace, source, { start: 0, end: 15 });
    await createHighlight(context, workspace, source, { start: 17, end: 29 });
    const search = await createHighlight(context, workspace, source, { start: 31, end: 46 });

    const selected = rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, idsQuery([search.id, billing.id]))));
    expect(selected.map((row) => /#h-(.+)$/.exec(row.Link)![1])).toEqual([search.id, billing.id]);
    const listed = (await workspace.owner.as.get(listUrl(workspace.id, idsQuery([billing.id, search.id])))).json();
    expect([listed.total, listed.items.map((item: { id: string }) => item.id)]).toEqual([2, [search.id, billing.id]]);
    // One id alone, an id named twice, and the words filter over the selection.
    expect(quotesOf(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, `ids=${billing.id}`))))).toEqual(['Billing is slow']);
    expect(quotesOf(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, idsQuery([billing.id, billing.id])))))).toEqual(['Billing is slow']);
    expect(quotesOf(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, `${idsQuery([billing.id, search.id])}&q=search`))))).toEqual(['Search is fine.']);
    const most = await context.db
      .insert(highlights)
      .values(Array.from({ length: HIGHLIGHT_IDS_MAX }, (_, i) => ({ workspaceId: workspace.id, sourceId: source.id, start: i % 40, end: i % 40 + 1, quote: 'x', createdBy: workspace.owner.id })))
      .returning({ id: highlights.id });
    expect(rowsOf(await workspace.owner.as.get(exportUrl(workspace.id, idsQuery(most.map((row) => row.id)))))).toHaveLength(HIGHLIGHT_IDS_MAX);
  });

  it('answers 404 naming ids when one is of another workspace, in the trash or of a source in the trash, and 400 past the limit', async () => {
    const workspace = await createWorkspace(context);
    const ours = await createHighlight(context, workspace, await createSource(context, workspace, { body: 'Ours' }));
    const other = await createWorkspace(context);
    const theirs = await createHighlight(context, other, await createSource(context, other, { body: 'Their secret' }));
    const trashed = await createHighlight(context, workspace, await createSource(context, workspace, { body: 'Trashed' }));
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/highlights/${trashed.id}`)).statusCode).toBe(204);
    const source = await createSource(context, workspace, { body: 'Of a trashed source' });
    const ofTrashedSource = await createHighlight(context, workspace, source);
    expect((await workspace.owner.as.delete(`/api/workspaces/${workspace.id}/sources/${source.id}`)).statusCode).toBe(204);

    for (const missing of [theirs.id, trashed.id, ofTrashedSource.id, crypto.randomUUID()]) {
      for (const url of [exportUrl(workspace.id, idsQuery([ours.id, missing])), listUrl(workspace.id, idsQuery([ours.id, missing]))]) {
        const response = await workspace.owner.as.get(url);
        expect([response.statusCode, errorPaths(response)], url).toEqual([404, ['query.ids']]);
        expect(response.body).not.toContain('Their secret');
      }
    }
    const tooMany = await workspace.owner.as.get(exportUrl(workspace.id, idsQuery(Array.from({ length: HIGHLIGHT_IDS_MAX + 1 }, () => ours.id))));
    expect([tooMany.statusCode, errorPaths(tooMany)]).toEqual([400, ['query.ids']]);
    const notAnId = await workspace.owner.as.get(listUrl(workspace.id, 'ids=42'));
    expect([notAnId.statusCode, errorPaths(notAnId)]).toEqual([400, [expect.stringMatching(/^query\.ids/)]]);
  });

  it('lets viewers and viewer tokens export', async () => {
    const workspace = await createWorkspace(context);
    await createHighlight(context, workspace, await createSource(context, workspace, { body: 'Read only' }));
    const viewer = await createMember(context, workspace, 'viewer');
    expect(quotesOf(rowsOf(await viewer.as.get(exportUrl(workspace.id))))).toEqual(['Read only']);
    const token = await createTokenCaller(context, workspace, 'viewer');
    expect(quotesOf(rowsOf(await token.get(exportUrl(workspace.id))))).toEqual(['Read only']);
  });

  it('answers 400 naming each bad filter, as the list does, and 404 for a workspace the caller is not in', async () => {
    const workspace = await createWorkspace(context);
    const other = await createWorkspace(context);
    const bad = await workspace.owner.as.get(exportUrl(workspace.id, 'sourceKind=podcast&tagId=1&evidenceOfBacklogItemId=2'));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['query.sourceKind.0', 'query.tagId', 'query.evidenceOfBacklogItemId']));
    const reversed = await workspace.owner.as.get(exportUrl(workspace.id, 'from=2024-05-02&to=2024-05-01'));
    expect([reversed.statusCode, errorPaths(reversed)]).toEqual([400, ['query.to']]);
    expect((await workspace.owner.as.get(exportUrl(other.id))).statusCode).toBe(404);
  });

  it("exports nothing of another workspace through that workspace's ids as filters: a 404 naming the filter, as the list answers", async () => {
    const workspace = await createWorkspace(context);
    await createHighlight(context, workspace, await createSource(context, workspace, { body: 'Ours' }));
    const other: TestWorkspace = await createWorkspace(context);
    const theirSource = await createSource(context, other, { body: 'Theirs' });
    const theirTag = await createTag(context, other);
    const theirProblem = await createInsight(context, other);
    const theirItem = await createBacklogItem(context, other);
    const theirs = await createHighlight(context, other, theirSource, { tagIds: [theirTag.id] });
    const link = { workspaceId: other.id, createdBy: other.owner.id };
    await context.db.insert(insightHighlights).values({ ...link, insightId: theirProblem.id, highlightId: theirs.id });
    await context.db.insert(backlogHighlights).values({ ...link, backlogItemId: theirItem.id, highlightId: theirs.id });
    for (const query of [`tagId=${theirTag.id}`, `insightId=${theirProblem.id}`, `backlogItemId=${theirItem.id}`, `evidenceOfBacklogItemId=${theirItem.id}`, `sourceId=${theirSource.id}`]) {
      const path = `query.${query.split('=')[0]}`;
      const exported = await workspace.owner.as.get(exportUrl(workspace.id, query));
      expect(exported.statusCode, query).toBe(404);
      expect(errorPaths(exported), query).toEqual([path]);
      expect(exported.body).not.toContain('Theirs');
      const listed = await workspace.owner.as.get(`/api/workspaces/${workspace.id}/highlights?${query}`);
      expect(listed.statusCode, query).toBe(404);
      expect(errorPaths(listed), query).toEqual([path]);
    }
  });
});
