// Text bound for a terminal (CWE-150): cells may hold ESC, BEL and other control characters
// (typed, pasted, or decoded from `_x001B_` escapes in the file), which a terminal would
// obey — recolouring, retitling or rewriting the screen. They are printed as visible
// escapes instead; so are the Unicode controls that reorder text (bidi overrides).

const CONTROL_RE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line of output with every control character (line breaks included) shown as \xNN / \uNNNN. */
export function escapeControls(line: string): string {
  return line.replace(CONTROL_RE, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
