import { describe, expect, it } from 'vitest';
import { is, sql, Table } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';
import { renderStatement } from './raw-query.js';

const drizzleRendering = (statement: ReturnType<typeof sql>) => {
  const { sql: text, params } = new PgDialect().sqlToQuery(statement);
  return { text, params };
};

describe('renderStatement', () => {
  it('renders text, every table, nested statements and plain values as drizzle does', () => {
    const tables = Object.values(schema).flatMap((value) => (is(value, Table) ? [value] : []));
    expect(tables.length).toBeGreaterThan(10);
    const filters = [sql`s.kind = ${'ticket'}`, sql`s.deleted_at is null`, sql`s.score > ${0.5}`, sql`${true} and ${null}::text is null`];
    const statements = [
      ...tables.map((table) => sql`select count(*) from ${table} t where t.workspace_id = ${'3f1c…'}`),
      sql`with w as materialized (select 1 from ${schema.sources} s where ${sql.join(filters, sql` and `)} limit ${100}) select * from w ${undefined} ${sql``}`,
      sql`select ${sql.raw("'raw text'")}, ${"it's a \\ value"}, ${sql`(${sql`(${42})`})`}`,
    ];
    for (const statement of statements) expect(renderStatement(statement)).toEqual(drizzleRendering(statement));
  });

  it('refuses what it does not render: columns, names, arrays, dates', () => {
    for (const chunk of [schema.sources.id, sql.identifier('sources'), ['a', 'b'], new Date()]) {
      expect(() => renderStatement(sql`select ${chunk}`)).toThrow(/renders text, tables and plain values/);
    }
  });
});
