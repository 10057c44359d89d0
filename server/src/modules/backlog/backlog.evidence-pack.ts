import {
  countOf,
  escapeMarkdown,
  inlineMarkdown as inline,
  INSIGHT_TYPES,
  markdownBlockquote as blockquote,
  markdownLink as linkTo,
  RECENT_EVIDENCE_DAYS,
  titleRepeatsText,
  type BacklogItem,
  type EvidenceScore,
  type Insight,
  type SourceKind,
} from '@cairn/shared';

/**
 * The evidence pack: a backlog item's evidence as Markdown to paste into a tracker (Jira, GitHub).
 * Everything people typed into Cairn is escaped (shared/src/markdown.ts): a quote reads exactly
 * as the customer said it. The pack leaves Cairn, so it names customers but never shows their email.
 */

export type PackQuote = {
  id: string;
  quote: string;
  source: { id: string; title: string; kind: SourceKind; occurredAt: Date };
  customer: { id: string; name: string | null } | null;
  company: { id: string; name: string } | null;
};

export type EvidencePack = {
  item: BacklogItem;
  insights: Insight[];
  /** The newest quotes, at most the pack's limit; `item.score.highlights` says how many there are in all. */
  quotes: PackQuote[];
  /** Links back into Cairn: the item's page, and each quote in the reader. */
  itemUrl: string;
  quoteUrl: (quote: PackQuote) => string;
};

const day = (date: Date | string) => new Date(date).toISOString().slice(0, 10);
/** Revenue as the app shows it, `1.2M`: it is in the workspace's own currency, which Cairn does not know. */
const revenue = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const words = (value: string) => value.replace(/_/g, ' ');
const capitalized = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;

/** "12 customers at 7 companies, 1.2M yearly revenue, 9 highlights in the last 90 days". */
function describeScore(score: EvidenceScore): string {
  return [
    // No company known behind them: "at 0 companies" would read as a fact about the customers.
    countOf(score.customers, 'customer') + (score.companies ? ` at ${countOf(score.companies, 'company', 'companies')}` : ''),
    score.revenue > 0 ? `${revenue.format(score.revenue)} yearly revenue` : 'no yearly revenue on record',
    `${countOf(score.recentHighlights, 'highlight')} in the last ${RECENT_EVIDENCE_DAYS} days`,
  ].join(', ');
}

type Group<T> = { key: string; label: string; items: T[] };

/** Groups, the biggest first (a stable sort keeps ties in order of first appearance); the group of unknowns (key '') last. */
function groupBy<T>(items: T[], keyOf: (item: T) => string, labelOf: (item: T) => string): Array<Group<T>> {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? { key, label: labelOf(item), items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.items.length - a.items.length);
}

/** A customer known by email alone is "A customer": their email stays in Cairn. */
const customerLabel = ({ customer }: PackQuote) => {
  if (!customer) return 'Unknown customer';
  return customer.name ? inline(customer.name) : 'A customer';
};

function trackerLine(item: BacklogItem): string | null {
  if (item.externalUrl) return linkTo(inline(item.externalKey ?? item.externalUrl), item.externalUrl);
  return item.externalKey ? inline(item.externalKey) : null;
}

export function renderEvidencePack({ item, insights, quotes, itemUrl, quoteUrl }: EvidencePack): string {
  const { score } = item;
  const tracker = trackerLine(item);
  const lines = [
    `# ${inline(item.title)}`,
    '',
    `- **Status:** ${capitalized(words(item.status))}`,
    ...(tracker ? [`- **Tracker:** ${tracker}`] : []),
    `- **Evidence:** ${describeScore(score)}`,
    `- **Score:** ${score.total} from ${countOf(score.highlights, 'highlight')}${score.lastEvidenceAt ? `, the latest from ${day(score.lastEvidenceAt)}` : ''}`,
    `- **In Cairn:** ${linkTo('all the evidence', itemUrl)}`,
    '',
  ];
  if (item.description) lines.push(escapeMarkdown(item.description), '');

  if (insights.length) {
    lines.push('## Problems', '');
    // Problems first, then what answers them, down the tree.
    for (const insight of [...insights].sort((a, b) => INSIGHT_TYPES.indexOf(a.type) - INSIGHT_TYPES.indexOf(b.type))) {
      lines.push(
        `### ${inline(insight.title)}`,
        '',
        `_${capitalized(insight.type)} · ${insight.status} · ${countOf(insight.evidenceCount, 'highlight')} from ${countOf(insight.customerCount, 'customer')}_`,
        '',
      );
      if (insight.statement) lines.push(escapeMarkdown(insight.statement), '');
    }
  }

  lines.push('## What customers said', '');
  if (!quotes.length) lines.push('_No evidence yet._', '');
  if (quotes.length < score.highlights) lines.push(`_The newest ${countOf(quotes.length, 'highlight')} of ${score.highlights.toLocaleString('en')}; Cairn has them all._`, '');
  const companies = groupBy(
    quotes,
    (quote) => quote.company?.id ?? '',
    (quote) => (quote.company ? inline(quote.company.name) : 'Without a company'),
  );
  for (const company of companies) {
    lines.push(`### ${company.label}`, '');
    for (const customer of groupBy(company.items, (quote) => quote.customer?.id ?? '', customerLabel)) {
      lines.push(`**${customer.label}**`, '');
      for (const quote of customer.items) {
        const { source } = quote;
        // A ticket without a subject is titled by its text: its link reads "Ticket" rather than the quote again.
        const link = titleRepeatsText(source.title, quote.quote) ? linkTo(capitalized(words(source.kind)), quoteUrl(quote)) : `${linkTo(inline(source.title), quoteUrl(quote))} · ${words(source.kind)}`;
        lines.push(blockquote(quote.quote), '>', `> — ${link} · ${day(source.occurredAt)}`, '');
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
