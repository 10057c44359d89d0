import type { SurveyCsvMapping, TicketsCsvMapping } from '@cairn/shared';
import { readDate } from './dates.js';

/** What a suggestion is made from: column names, optional second names (Qualtrics question text), sample rows. */
export type ColumnSample = { columns: string[]; labels?: string[]; rows: string[][] };

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/** Candidate names in priority order: a string matches a normalized column name exactly, a RegExp tests it. */
type Candidates = Array<string | RegExp>;

// Object order is matching order: a field listed earlier claims an ambiguous column first.
const TICKET_CANDIDATES: Record<keyof TicketsCsvMapping, Candidates> = {
  externalId: ['ticketid', 'externalid', 'id', 'ticketnumber', 'ticketno', 'ticket', 'caseid', 'casenumber', 'issuekey', 'key', 'number'],
  subject: ['subject', 'title', 'summary', 'topic'],
  body: ['description', 'body', 'message', 'text', 'query', 'comment', 'comments', 'content', 'details', 'question', 'issue', 'feedback', 'request'],
  requesterEmail: ['requesteremail', 'customeremail', 'contactemail', 'useremail', 'email', 'emailaddress', 'from', /email$/],
  requesterName: ['requestername', 'customername', 'contactname', 'username', 'requester', 'customer', 'name', 'fullname'],
  company: ['company', 'companyname', 'organization', 'organisation', 'organizationname', 'organisationname', 'org', 'account', 'accountname'],
  createdAt: [
    'createdat', 'created', 'createddate', 'datecreated', 'creationdate', 'submittedat', 'submitted', 'openedat', 'opened', 'date', 'timestamp', /created/,
  ],
  priority: ['priority', 'severity', 'urgency'],
  status: ['status', 'state'],
  channel: ['channel', 'via', 'viachannel', 'sourcechannel', 'contactchannel', 'medium'],
  // A labelled dataset's class (banking77's `category`) is the helpdesk's own tag for the ticket.
  tags: ['tags', 'labels', 'tag', 'label', 'categories', 'category', 'keywords'],
};

const SURVEY_CANDIDATES: Record<Exclude<keyof SurveyCsvMapping, 'questions'>, Candidates> = {
  respondentId: ['responseid', 'respondentid', 'respondent', 'participantid', 'submissionid', 'id'],
  respondentEmail: ['respondentemail', 'recipientemail', 'email', 'emailaddress', /email$/],
  submittedAt: ['recordeddate', 'submittedat', 'submitted', 'submitdate', 'completedat', 'completed', 'enddate', 'timestamp', 'date'],
  // "How likely are you to recommend Acme? (0-10)", "How satisfied were you…?" as well as short names.
  score: ['nps', 'npsscore', 'score', 'rating', 'csat', 'csatscore', 'likelihoodtorecommend', /likely.*recommend/, /satisf/, /nps|csat|score|rating/],
};

/**
 * What a field's sampled values must look like for a column to be suggested: a score is a
 * number, so "What is the main reason for your score?" (answers in words) is no score.
 */
const SURVEY_VALUES: Partial<Record<keyof typeof SURVEY_CANDIDATES, (values: string[]) => boolean>> = {
  score: (values) => values.every((value) => NUMBER.test(value)),
};

/**
 * Columns survey tools add around the answers (Qualtrics, Google Forms, Typeform…): never
 * questions, even when their values are long text.
 */
const SURVEY_METADATA_COLUMNS = new Set([
  'startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration', 'durationinseconds', 'finished', 'recordeddate', 'responseid',
  'responseset', 'externalreference', 'externaldatareference', 'distributionchannel', 'userlanguage', 'name', 'emailaddress', 'timestamp',
  'submittedat', 'startedat', 'networkid', 'token', 'useragent', 'browser', 'device', 'language',
]);
const SURVEY_METADATA_PREFIXES = ['recipient', 'location'];
/** Free-text answers are sentences; shorter values are choices, codes or scores. */
const FREE_TEXT_MIN_AVERAGE_LENGTH = 10;

const NON_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;

function normalizeName(name: string): string {
  return name.toLowerCase().replace(NON_ALPHANUMERIC, '');
}

/** Every column's normalized name and label, so Qualtrics legacy `V1` is found by its label `ResponseID`. */
function namesOf(sample: ColumnSample): string[][] {
  return sample.columns.map((column, i) => [normalizeName(column), normalizeName(sample.labels?.[i] ?? column)]);
}

function findColumn(names: string[][], candidates: Candidates, taken: Set<number>, fits: (index: number) => boolean): number | undefined {
  for (const candidate of candidates) {
    const index = names.findIndex(
      (columnNames, i) => !taken.has(i) && columnNames.some((name) => (typeof candidate === 'string' ? name === candidate : candidate.test(name))) && fits(i),
    );
    if (index !== -1) {
      taken.add(index);
      return index;
    }
  }
  return undefined;
}

function suggestFields<Field extends string>(
  sample: ColumnSample,
  candidates: Record<Field, Candidates>,
  taken: Set<number>,
  valuesFit: Partial<Record<Field, (values: string[]) => boolean>> = {},
): Partial<Record<Field, string>> {
  const names = namesOf(sample);
  const suggestion: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(candidates) as Field[]) {
    const fit = valuesFit[field];
    const index = findColumn(names, candidates[field], taken, (i) => fit === undefined || fit(filledValues(sample.rows, i)));
    if (index !== undefined) suggestion[field] = sample.columns[index];
  }
  return suggestion;
}

function filledValues(rows: string[][], index: number): string[] {
  return rows.map((row) => row[index]?.trim() ?? '').filter((value) => value !== '');
}

function averageLength(rows: string[][], index: number): number {
  const values = filledValues(rows, index);
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value.length, 0) / values.length;
}

/**
 * The ticket body is the one field that must be found: by name, else — when the file has more
 * than one column — the column with the longest values, since ticket text dwarfs ids and dates.
 */
export function suggestTicketsMapping(sample: ColumnSample): Partial<TicketsCsvMapping> {
  const taken = new Set<number>();
  const suggestion = suggestFields(sample, TICKET_CANDIDATES, taken);
  if (suggestion.body === undefined && sample.columns.length > 1) {
    const free = sample.columns.map((_, i) => i).filter((i) => !taken.has(i) && sample.columns[i] !== '');
    const longest = free.sort((a, b) => averageLength(sample.rows, b) - averageLength(sample.rows, a))[0];
    if (longest !== undefined && averageLength(sample.rows, longest) > 0) suggestion.body = sample.columns[longest];
  }
  return suggestion;
}

export function suggestSurveyMapping(sample: ColumnSample): Partial<SurveyCsvMapping> & { questions: string[] } {
  const taken = new Set<number>();
  const suggestion = suggestFields(sample, SURVEY_CANDIDATES, taken, SURVEY_VALUES);
  const names = namesOf(sample);
  const questions = sample.columns.filter(
    (column, i) => column !== '' && !taken.has(i) && !names[i]?.some(isSurveyMetadataName) && looksLikeFreeText(sample.rows, i),
  );
  return { ...suggestion, questions };
}

function isSurveyMetadataName(name: string): boolean {
  return SURVEY_METADATA_COLUMNS.has(name) || SURVEY_METADATA_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function looksLikeFreeText(rows: string[][], index: number): boolean {
  const values = filledValues(rows, index);
  const textual = values.filter((value) => !NUMBER.test(value) && 'problem' in readDate(value));
  return textual.length > 0 && textual.length * 2 >= values.length && averageLength(rows, index) >= FREE_TEXT_MIN_AVERAGE_LENGTH;
}
