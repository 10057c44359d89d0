import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Columns every table carries. */
export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const workspaceId = () => uuid('workspace_id').notNull();

/** PostgreSQL full-text vector; always a generated column maintained by the database. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
