/** Numbers both sides enforce. The README's "Limits" table lists them for operators. */

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 500;

/** JSON request bodies (not uploads). */
export const JSON_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** Upload size default; operators raise it with UPLOAD_MAX_BYTES. */
export const UPLOAD_MAX_BYTES_DEFAULT = 100 * 1024 * 1024;

/** Days the trash keeps things by default before deleting them for good; operators change it with TRASH_RETENTION_DAYS (0: never). */
export const TRASH_RETENTION_DAYS_DEFAULT = 30;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 320;

export const SOURCE_TITLE_MAX_LENGTH = 500;
/** One source body; a 2-hour interview transcript is ~150k characters. */
export const SOURCE_BODY_MAX_LENGTH = 1_000_000;
export const NOTE_MAX_LENGTH = 10_000;
export const TAG_NAME_MAX_LENGTH = 80;

/** Insights (problems, opportunities, solutions) and backlog items. */
export const INSIGHT_TITLE_MAX_LENGTH = 300;
export const BACKLOG_TITLE_MAX_LENGTH = 300;
/** An insight's statement or a backlog item's description. */
export const STATEMENT_MAX_LENGTH = 20_000;
export const EXTERNAL_URL_MAX_LENGTH = 2_000;
export const EXTERNAL_KEY_MAX_LENGTH = 100;
/** Highlights or insights one evidence call may link or unlink. */
export const EVIDENCE_LINKS_MAX = 1_000;
/** Evidence highlights an insight's or backlog item's GET carries; the rest are paged with GET /highlights?insightId=…. */
export const EVIDENCE_PREVIEW_MAX = 100;
/** Evidence counts as recent in a backlog item's score when its source occurred within this many days. */
export const RECENT_EVIDENCE_DAYS = 90;

/** Clusters one run may be asked for; `auto` chooses within this range too. */
export const CLUSTER_K_MIN = 2;
export const CLUSTER_K_MAX = 100;
/** Texts one cluster run may group: narrow the scope (kind, tag, date, segment, import) past this. */
export const CLUSTER_SCOPE_MAX = 100_000;
/** Members each cluster carries in a run's GET, best first; GET /clusters/:id/members pages them all. */
export const CLUSTER_MEMBERS_SHOWN = 20;
/** Characters of a member's text in cluster responses. */
export const CLUSTER_TEXT_PREVIEW_LENGTH = 300;
export const CLUSTER_LABEL_MAX_LENGTH = 200;
/** Filters of one kind (tags, imports) a cluster scope may list. */
export const CLUSTER_SCOPE_IDS_MAX = 100;

/** Rows per multi-row insert when importing. */
export const IMPORT_BATCH_SIZE = 1_000;
/** One CSV row (all fields together); longer rows are rejected with their line number. */
export const IMPORT_ROW_MAX_BYTES = 1_000_000;
export const IMPORT_PREVIEW_ROWS = 20;

export const SEARCH_QUERY_MAX_LENGTH = 500;

/**
 * Highlights a list or export may name one by one (`?ids=…&ids=…`: a selection on the Highlights
 * page). They go in the query string, so that the CSV stays a plain download link; this many keep
 * the address near 4 kB, well under the 8 kB request line that proxies such as nginx take by default.
 */
export const HIGHLIGHT_IDS_MAX = 100;

/** Failed sign-ins allowed per email or per address within the window. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** The instants the database stores (PostgreSQL reads years 1 to 9999 from an ISO string), in ms since the epoch. */
export const EARLIEST_TIMESTAMP_MS = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_TIMESTAMP_MS = Date.parse('9999-12-31T23:59:59.999Z');
