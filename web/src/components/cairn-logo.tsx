/**
 * Cairn's stones, drawn in the page rather than loaded from /favicon.svg (the same picture): an
 * image the shell fetched came late or not at all on some page loads, and the brand showed as a
 * gap beside its name. Decorative: the word beside it names the app.
 */
export function CairnLogo({ size }: { size: number }) {
  return (
    <svg className="cairn-logo" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="26" rx="11" ry="4" fill="#3d5a80" />
      <ellipse cx="16" cy="18" rx="8" ry="3.5" fill="#5b7db1" />
      <ellipse cx="16" cy="11" rx="5.5" ry="3" fill="#98c1d9" />
      <ellipse cx="16" cy="5.5" rx="3" ry="2" fill="#e0fbfc" stroke="#3d5a80" />
    </svg>
  );
}
