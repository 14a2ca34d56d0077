// How deeply a JSON text nests, without parsing it (iterative: no stack to overflow). A scenario
// nests five levels at most; a link nesting thousands is hostile and is never handed to the
// editor, which draws a document recursively.

/** Deepest a document from a link or a file may nest to be loaded into the editor. */
export const MAX_EDITOR_DEPTH = 32;

/** True when `text` nests arrays and objects deeper than `limit`. */
export function nestsDeeperThan(text: string, limit = MAX_EDITOR_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
