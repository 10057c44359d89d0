/**
 * Markdown that shows customers' words exactly as they wrote them, for what leaves Cairn to be
 * pasted elsewhere: the server's evidence pack and the SPA's "Copy quotes as Markdown". Whatever
 * people typed is plain text there, so all of it is escaped: a quote cannot turn into a
 * heading, a link, HTML or a mention.
 */

/**
 * What opens or closes markup anywhere in a line (CommonMark, with GitHub's strikethrough,
 * tables and math), and an ampersand that would start a character reference (`&copy;`);
 * CommonMark lets a backslash escape any ASCII punctuation.
 */
const INLINE_MARKUP = /[\\`*_[\]<>#|~$]|&(?=#?\w+;)/g;

/**
 * An `@name` that GitHub would turn into a mention and notify. GitHub finds mentions in the
 * rendered text, after Markdown has consumed any backslash, so a zero-width space after the
 * `@` is what breaks it; an email address (a word character before the `@`) is no mention.
 */
const MENTION = /(?<!\w)@(?=\w)/g;
/** `#123`, which GitHub would turn into a link to its own issue 123 (found in the rendered text too: broken the same way). */
const ISSUE_REFERENCE = /(?<!\w)#(?=\d)/g;

/** Escapes text so that Markdown shows it as it is, line by line. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        // Leading spaces would make an indented code block.
        .trimStart()
        .replace(INLINE_MARKUP, '\\$&')
        .replace(MENTION, '@\u200b')
        .replace(ISSUE_REFERENCE, '#\u200b')
        // At the start of a line: a list item, a setext heading underline or a thematic break, a numbered list.
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** One line of text (a title, a name): line breaks become spaces. */
export const inlineMarkdown = (text: string) => escapeMarkdown(text.replace(/\s*\n\s*/g, ' '));

/** Every line of the text in a blockquote; a backslash at the end of a line keeps the line break, which Markdown would turn into a space. */
export function markdownBlockquote(text: string): string {
  const lines = escapeMarkdown(text.trim()).split('\n');
  return lines.map((line, index) => (line ? `> ${line}${lines[index + 1] ? '\\' : ''}` : '>')).join('\n');
}

/** A link (its label already escaped); the destination in angle brackets, which may hold parentheses, and the URL serializer encodes spaces and angle brackets. */
export const markdownLink = (label: string, url: string) => `[${label}](<${URL.canParse(url) ? new URL(url).href : encodeURI(url)}>)`;
