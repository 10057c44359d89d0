import { z } from 'zod';
import type { Source } from '@cairn/shared';

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

/** A ticket's replies by agents (`metadata.replies`, as the helpdesk importers store them); none when they are missing or malformed. */
export function readReplies(metadata: Record<string, unknown>): Reply[] {
  const replies = RepliesSchema.safeParse(metadata.replies);
  return replies.success ? replies.data : [];
}

/** The question a survey answer answers: `metadata.question`, else the title (which imports set to it). */
export function surveyQuestion(source: Pick<Source, 'metadata' | 'title'>): string {
  return metadataText(source.metadata, 'question') ?? source.title;
}

export const replyTextId = (index: number) => `reply-${index}`;
export const QUESTION_TEXT = 'question';

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
