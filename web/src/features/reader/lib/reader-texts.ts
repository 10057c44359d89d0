import { z } from 'zod';
import { ScoreScaleSchema, SourceScoreSchema, type ScoreScale, type Source, type SourceScore } from '@cairn/shared';

/** The body's id among the texts find searches. */
export const BODY_TEXT = 'body';

/**
 * A text the reader shows beside the body, for context: an agent's reply in a ticket, the
 * question a survey answer answers. Find searches it; no highlight can cover it, since a
 * highlight is a range of the body.
 */
export type ContextText = { id: string; text: string };

/** The context texts shown before the body and after it, each in reading order. */
export type ContextTexts = { before: readonly ContextText[]; after: readonly ContextText[] };

export const NO_CONTEXT: ContextTexts = { before: [], after: [] };

const RepliesSchema = z.array(z.looseObject({ text: z.string(), at: z.string().nullish(), author: z.string().nullish(), authorType: z.string().nullish() }));
type Reply = z.infer<typeof RepliesSchema>[number];

/** A metadata value shown as text (a ticket's status, a survey's score), or null when it is neither text nor a number. */
export function metadataText(metadata: Record<string, unknown>, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

const FieldsSchema = z.array(z.looseObject({ name: z.string(), value: z.string() }));
export type SourceField = z.infer<typeof FieldsSchema>[number];

/** A CSV row's columns that its import did not map (`metadata.fields`), in the file's order; none when missing or malformed. */
export function readFields(metadata: Record<string, unknown>): SourceField[] {
  const fields = FieldsSchema.safeParse(metadata.fields);
  return fields.success ? fields.data : [];
}

/** A ticket's replies by agents (`metadata.replies`, as the helpdesk importers store them); none when they are missing or malformed. */
export function readReplies(metadata: Record<string, unknown>): Reply[] {
  const replies = RepliesSchema.safeParse(metadata.replies);
  return replies.success ? replies.data : [];
}

/** The question a survey answer answers: `metadata.question`, else the title (which imports set to it). */
export function surveyQuestion(source: Pick<Source, 'metadata' | 'title'>): string {
  return metadataText(source.metadata, 'question') ?? source.title;
}

/**
 * A survey answer's score (`metadata.score`) and the scale of its question (`metadata.scoreScale`,
 * ADR 013), read as `GET …/sources` presents them for the list: no score when it is empty or
 * neither text nor a number; no scale when the answer has none (imported before scales were
 * kept) or it is no scale.
 */
export function readSurveyScore(metadata: Record<string, unknown>): { score: SourceScore; scale: ScoreScale | null } | null {
  const score = SourceScoreSchema.safeParse(metadata.score);
  if (!score.success || score.data === '') return null;
  const scale = ScoreScaleSchema.safeParse(metadata.scoreScale);
  return { score: score.data, scale: scale.success ? scale.data : null };
}

export const replyTextId = (index: number) => `reply-${index}`;
export const QUESTION_TEXT = 'question';

/** Why a selection in a context text (`id`) cannot be highlighted, saying where it is. */
export function notCustomerWords(id: string): string {
  return `Only the customer’s own words can be highlighted; this selection is in ${id === QUESTION_TEXT ? 'the question' : 'a reply'}.`;
}

/**
 * What the reader draws around the body that find should search too, in the order it is drawn
 * (one branch per rendering of `SourceBody`: a transcript shows nothing else). Labels — speakers,
 * authors, times, ticket fields, a score — are left out, as speaker names are in a transcript.
 */
export function readContextTexts(source: Pick<Source, 'kind' | 'segments' | 'metadata' | 'title'>): ContextTexts {
  if (source.segments?.length) return NO_CONTEXT;
  if (source.kind === 'ticket') return { before: [], after: readReplies(source.metadata).map((reply, index) => ({ id: replyTextId(index), text: reply.text })) };
  if (source.kind === 'survey_response') return { before: [{ id: QUESTION_TEXT, text: surveyQuestion(source) }], after: [] };
  return NO_CONTEXT;
}

/** The text find knows as `id` (`FindMatch.text`): the body, or one of the context texts; empty when there is none by that id. */
export function textById(body: string, context: ContextTexts, id: string): string {
  if (id === BODY_TEXT) return body;
  return [...context.before, ...context.after].find((text) => text.id === id)?.text ?? '';
}
