// The status-quo panel's cache by content (src/components/results/contentCache.ts): sameContent
// says equal only when the JSON texts are equal, and equal texts of plain values hash alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentCache, contentHash, sameContent } from '../../src/components/results/contentCache';

const json = fc.jsonValue({ maxDepth: 4 });
/** A deep copy that keeps key order (what a new draft with the same content looks like). */
const copy = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('contentHash and sameContent', () => {
  it('a copy has the same content and hash', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(sameContent(v, copy(v))).toBe(true);
        expect(contentHash(copy(v))).toBe(contentHash(v));
      }),
    );
  });

  it('sameContent is true only when the JSON texts are equal (against the naive text comparison)', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        if (sameContent(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(sameContent(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('follows JSON.stringify on key order, left-out keys, −0 and nested changes', () => {
    expect(sameContent({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameContent({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
    expect(sameContent({ x: -0 }, { x: 0 })).toBe(true);
    expect(contentHash({ x: -0 })).toBe(contentHash({ x: 0 }));
    expect(sameContent([1, [2, { c: 's' }]], [1, [2, { c: 't' }]])).toBe(false);
    expect(sameContent([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameContent('1', 1)).toBe(false);
    expect(contentHash({ groups: [{ count: 1 }, { count: 2 }] })).not.toBe(
      contentHash({ groups: [{ count: 2 }, { count: 1 }] }),
    );
  });
});

describe('ContentCache', () => {
  it('finds by content, confirms a hash hit field by field, keeps the newest `size`', () => {
    const c = new ContentCache<string>(2);
    const a = { g: [1, 2] };
    c.set(a, contentHash(a), 'A');
    expect(c.find(copy(a), contentHash(a))).toEqual({ hash: contentHash(a), value: a, answer: 'A' });
    // A forged equal hash with other content is not a hit.
    expect(c.find({ g: [2, 1] }, contentHash(a))).toBeUndefined();
    const b = { g: [3] };
    c.set(b, contentHash(b), 'B');
    c.set(copy(a), contentHash(a), 'A2'); // same content: replaced, moved to the newest
    expect(c.length).toBe(2);
    expect(c.find(a, contentHash(a))?.answer).toBe('A2');
    const d = { g: [] };
    c.set(d, contentHash(d), 'D');
    expect(c.find(b, contentHash(b))).toBeUndefined(); // the oldest left
    expect(c.find(a, contentHash(a))?.answer).toBe('A2');
    expect(c.find(d, contentHash(d))?.answer).toBe('D');
  });
});
