// One JSON text per draft object, shared by its users: the autosave stores the draft as its JSON
// text and the link packs a JSON text holding the draft, both after the same edit (250 and
// 400 ms later); at 10,000 groups each JSON.stringify of the draft cost 14–37 ms of main thread.
// Drafts are never mutated (a change is a new object), so a text kept by the object stays true.
const texts = new WeakMap<object, string>();

/** JSON.stringify(value), computed once per object. */
export function jsonText(value: object): string {
  let t = texts.get(value);
  if (t === undefined) {
    t = JSON.stringify(value);
    texts.set(value, t);
  }
  return t;
}
