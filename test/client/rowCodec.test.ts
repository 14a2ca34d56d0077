// The rows' trip from the worker as columns is lossless: what is unpacked equals what was
// packed, keys and order included (src/client/rowCodec.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packKinds,
  packResultScreenAnswer,
  packRows,
  packSolveAnswer,
  unpackResultScreenAnswer,
  unpackAnswerSliced,
  unpackKinds,
  unpackRows,
  unpackSolveAnswer,
  PACK_FROM,
} from '../../src/client/rowCodec';
import * as api from '../../src/engine/api';
import type { DefendantRow } from '../../src/engine/result/types';
import type { KindInfo } from '../../src/engine/population/kinds';
import { bigScenario } from '../../bench/bigScenario';
import { PRESETS } from '../../src/presets';

const num = fc.double({ noNaN: false });
const row: fc.Arbitrary<DefendantRow> = fc
  .record({
    id: fc.integer({ min: 1, max: 1e7 }),
    group: fc.integer({ min: 0, max: 50 }),
    rank: fc.option(fc.integer({ min: 1, max: 1e7 })),
    outcome: fc.constantFrom('plea', 'tried', 'free', 'refuse' as const),
    offer: fc.option(num),
    threatened: fc.boolean(),
    withheld: fc.boolean(),
    pledged: fc.boolean(),
    never: fc.boolean(),
    covered: fc.boolean(),
    trialProbability: fc.option(num),
    docket: fc.option(fc.record({ arrivalWeek: fc.integer({ min: 0, max: 520 }), trialWeek: fc.option(fc.integer({ min: 0, max: 600 })) })),
  })
  .map(({ docket, ...r }) => (docket ? { ...r, ...docket } : r) as DefendantRow);

const kind: fc.Arbitrary<KindInfo> = fc.record({
  kind: fc.integer({ min: 0, max: 1e6 }),
  group: fc.integer({ min: 0, max: 1e5 }),
  sub: fc.constantFrom('plain', 'never', 'pledgedCovered', 'pledgedUncovered' as const),
  count: fc.integer({ min: 0, max: 1e6 }),
  p: num,
  S: num,
  K: num,
  d: num,
  c: num,
  delta: num,
  e: num,
  w: num,
  L: num,
  eHat: num,
  Lb: num,
  eHatB: num,
  fixedOffer: fc.option(num),
  pledged: fc.boolean(),
  never: fc.boolean(),
  covered: fc.boolean(),
});

describe('rowCodec', () => {
  it('unpackKinds(packKinds(kinds)) equals kinds, with the same keys in the same order, -0 and NaN kept', () => {
    fc.assert(
      fc.property(fc.array(kind, { maxLength: 40 }), (kinds) => {
        const p = packKinds(kinds);
        expect(p).not.toBeNull();
        const back = unpackKinds(structuredClone(p!));
        expect(back).toEqual(kinds);
        for (let i = 0; i < kinds.length; i++) {
          expect(Object.keys(back[i])).toEqual(Object.keys(kinds[i]));
          for (const k of Object.keys(kinds[i]) as (keyof KindInfo)[])
            expect(Object.is(back[i][k], kinds[i][k])).toBe(true);
        }
      }),
    );
  });

  it('a kind with a key missing, an extra key, keys in another order or an unknown sub is not packed', () => {
    const k = api.kinds(PRESETS[0].scenario);
    expect(k.ok).toBe(true);
    const one = (k as { value: KindInfo[] }).value[0];
    const { covered: _c, ...missing } = one;
    expect(packKinds([missing as KindInfo])).toBeNull();
    expect(packKinds([{ ...one, extra: 1 } as KindInfo])).toBeNull();
    const { kind: _k, ...rest } = one;
    expect(packKinds([{ ...rest, kind: one.kind } as KindInfo])).toBeNull();
    expect(packKinds([{ ...one, sub: 'other' } as unknown as KindInfo])).toBeNull();
    expect(packKinds([{ ...one, pledged: 1 } as unknown as KindInfo])).toBeNull();
    expect(packKinds([one])).not.toBeNull();
  });

  it("the 10,000-group scenario's result screen survives the trip whole, kinds packed", async () => {
    const answer = api.resultScreen(bigScenario(), { rows: 'auto', bins: 200 });
    expect(answer.ok && answer.value.kinds.length).toBe(10_000);
    const { answer: sent, transfer } = packResultScreenAnswer(answer);
    expect(transfer).toHaveLength(10);
    expect((sent as { value: { kinds: { packedKinds?: true } } }).value.kinds.packedKinds).toBe(true);
    const back = unpackResultScreenAnswer(structuredClone(sent, { transfer }));
    expect(back).toEqual(answer);
    expect(JSON.stringify(back)).toBe(JSON.stringify(answer));
    // A slice at a time (the page's way for the main thread), the same answer.
    const again = packResultScreenAnswer(api.resultScreen(bigScenario(), { rows: 'auto', bins: 200 }));
    const sliced = await unpackAnswerSliced('resultScreen', structuredClone(again.answer, { transfer: again.transfer }), 3000);
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(answer));
  });

  it('unpacking a slice at a time gives what unpacking at once gives, any slice, solve and result screen', async () => {
    for (const p of PRESETS) {
      for (const slice of [1, 7, 256, 4096]) {
        const s = packSolveAnswer(api.solve(p.scenario, { rows: 'auto' }));
        expect(await unpackAnswerSliced('solve', s.answer, slice)).toEqual(unpackSolveAnswer(s.answer));
        const r = packResultScreenAnswer(api.resultScreen(p.scenario, { rows: 'auto', bins: 400 }));
        const got = await unpackAnswerSliced('resultScreen', r.answer, slice);
        expect(JSON.stringify(got)).toBe(JSON.stringify(unpackResultScreenAnswer(r.answer)));
      }
    }
    const bad = api.resultScreen({ groups: 'x' }, { bins: 400 });
    expect(await unpackAnswerSliced('resultScreen', bad)).toBe(bad);
  });

  it('unpack(pack(rows)) equals rows, with the same keys in the same order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const p = packRows(rows);
        expect(p).not.toBeNull();
        const back = unpackRows(p!);
        expect(back).toEqual(rows);
        for (let i = 0; i < rows.length; i++) {
          expect(Object.keys(back[i])).toEqual(Object.keys(rows[i]));
          // -0 and NaN kept as they were
          for (const k of ['offer', 'trialProbability'] as const) expect(Object.is(back[i][k], rows[i][k])).toBe(true);
        }
      }),
    );
  });

  it('a row with an unknown key or outcome is not packed', () => {
    const r: DefendantRow = { id: 1, group: 0, rank: null, outcome: 'plea', offer: null, threatened: false, withheld: false, pledged: false, never: false, covered: false, trialProbability: null };
    expect(packRows([{ ...r, extra: 1 } as DefendantRow])).toBeNull();
    expect(packRows([{ ...r, outcome: 'other' } as unknown as DefendantRow])).toBeNull();
  });

  it("every preset's solve survives the trip whole (rows packed when there are enough)", () => {
    let packed = 0;
    for (const p of PRESETS) {
      const answer = api.solve(p.scenario, { rows: 'auto' });
      const { answer: sent, transfer } = packSolveAnswer(answer);
      const rows = answer.ok ? answer.value.defendants : undefined;
      if (rows && rows.length >= PACK_FROM) {
        packed++;
        expect(transfer).toHaveLength(8);
      }
      const back = unpackSolveAnswer(structuredClone(sent, { transfer }));
      expect(back).toEqual(answer);
      expect(JSON.stringify(back)).toBe(JSON.stringify(answer));
    }
    expect(packed).toBeGreaterThan(0);
  });

  it("every preset's result screen survives the trip whole (its result's rows packed)", () => {
    let packed = 0;
    for (const p of PRESETS) {
      const answer = api.resultScreen(p.scenario, { rows: 'auto', bins: 400 });
      const { answer: sent, transfer } = packResultScreenAnswer(answer);
      const rows = answer.ok ? answer.value.result.defendants : undefined;
      const kinds = answer.ok ? answer.value.kinds : [];
      if (rows && rows.length >= PACK_FROM) {
        packed++;
        expect(transfer).toHaveLength(8 + (kinds.length >= PACK_FROM ? 2 : 0));
        const d = (sent as { value: { result: { defendants: { packedRows?: true } } } }).value.result
          .defendants;
        expect(d.packedRows).toBe(true);
      } else expect(transfer).toHaveLength(kinds.length >= PACK_FROM ? 2 : 0);
      const back = unpackResultScreenAnswer(structuredClone(sent, { transfer }));
      expect(back).toEqual(answer);
      expect(JSON.stringify(back)).toBe(JSON.stringify(answer));
    }
    expect(packed).toBeGreaterThan(0);
    // An invalid scenario's answer passes through both ways.
    const bad = api.resultScreen({ groups: 'x' }, { bins: 400 });
    expect(bad.ok).toBe(false);
    expect(packResultScreenAnswer(bad)).toEqual({ answer: bad, transfer: [] });
    expect(unpackResultScreenAnswer(bad)).toBe(bad);
  });
});
