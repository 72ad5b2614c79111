/**
 * Text from a file (a scenario's name, an unknown key, a learner's name) printed to a terminal
 * must not act on it: escape sequences can move the cursor, rewrite the screen, set the title or
 * worse. Control characters other than newline and tab are shown as visible escapes (\x1b), so
 * the text can still be read and the problem seen.
 */

// C0 controls except tab (\x09) and newline (\x0a), DEL, C1 controls, and the Unicode line and
// paragraph separators and bidirectional overrides (which reorder what follows them on screen).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character written as a visible escape. */
export function sanitiseForTerminal(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
