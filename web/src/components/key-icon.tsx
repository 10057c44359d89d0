/**
 * A key, for what needs a role or a token. Drawn rather than the "⚿" character, which Chromium's
 * default fonts lack (it showed as an empty box). Sized and coloured by the text around it;
 * decorative: the words beside it say what it means.
 */
export function KeyIcon() {
  return (
    <svg className="key-icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="M10.7 12.3 20.5 2.5M16 7l3 3M13.5 9.5l2 2" />
    </svg>
  );
}
