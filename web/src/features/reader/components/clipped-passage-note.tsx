/**
 * Said wherever a selection that went on over a line of hidden turns is taken only up to them
 * (`clipAtHiddenTurns`): the tag popover and the highlight editor's "Use selected text".
 */
export function ClippedPassageNote() {
  return <p className="popover-note">A highlight is one passage: this one stops before the hidden turns. Show them to highlight across.</p>;
}
