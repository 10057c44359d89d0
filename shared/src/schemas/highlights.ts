import { z } from 'zod';
import { NOTE_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from '../limits.js';
import { IdSchema, TimestampSchema } from './common.js';

export const TagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #3d5a80');

export const TagSchema = z.object({
  id: IdSchema,
  name: z.string(),
  group: z.string().nullable(),
  color: z.string().nullable(),
  description: z.string().nullable(),
  /** Highlights carrying the tag (not in the trash); present on list responses. */
  usageCount: z.number().int().optional(),
  createdAt: TimestampSchema,
});
export type Tag = z.infer<typeof TagSchema>;

/** The short form of a tag carried by highlights and search results. */
export const TagRefSchema = TagSchema.pick({ id: true, name: true, color: true, group: true });
export type TagRef = z.infer<typeof TagRefSchema>;

export const CreateTagBodySchema = z.object({
  name: z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH),
  group: z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH).nullish(),
  color: TagColorSchema.nullish(),
  description: z.string().trim().max(NOTE_MAX_LENGTH).nullish(),
});
export type CreateTagBody = z.infer<typeof CreateTagBodySchema>;
export const UpdateTagBodySchema = CreateTagBodySchema.partial();
export type UpdateTagBody = z.infer<typeof UpdateTagBodySchema>;
export const MergeTagBodySchema = z.object({ intoTagId: IdSchema });

export const HighlightSchema = z.object({
  id: IdSchema,
  sourceId: IdSchema,
  /** [start, end) in UTF-16 code units of the source body (JavaScript string indices). */
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  note: z.string().nullable(),
  tags: z.array(TagRefSchema),
  createdBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Highlight = z.infer<typeof HighlightSchema>;

export const CreateHighlightBodySchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    tagIds: z.array(IdSchema).max(50).optional(),
    note: z.string().trim().max(NOTE_MAX_LENGTH).nullish(),
  })
  .strict();
export type CreateHighlightBody = z.infer<typeof CreateHighlightBodySchema>;

export const UpdateHighlightBodySchema = z
  .object({
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    tagIds: z.array(IdSchema).max(50).optional(),
    note: z.string().trim().max(NOTE_MAX_LENGTH).nullish(),
  })
  .strict();
export type UpdateHighlightBody = z.infer<typeof UpdateHighlightBodySchema>;

export const BulkHighlightBodySchema = z.object({
  highlightIds: z.array(IdSchema).min(1).max(1000),
  addTagIds: z.array(IdSchema).max(50).optional(),
  removeTagIds: z.array(IdSchema).max(50).optional(),
});
export type BulkHighlightBody = z.infer<typeof BulkHighlightBodySchema>;
