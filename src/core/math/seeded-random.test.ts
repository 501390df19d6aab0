import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './index.ts';

describe('createSeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('gives the published first mulberry32 outputs', () => {
    // mulberry32(1): first value 0.6270739405881613 (reference implementation).
    expect(createSeededRandom(1).next()).toBeCloseTo(0.6270739405881613, 15);
  });

  it('keeps integers, uniforms and picks in range; normals have mean ~0 and sd ~1', () => {
    const r = createSeededRandom(7);
    let sum = 0;
    let sumSq = 0;
    let outOfRange = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const k = r.integer(2, 5);
      if (!(k >= 2 && k <= 5 && Number.isInteger(k))) outOfRange++;
      const u = r.uniform(-1, 3);
      if (!(u >= -1 && u < 3)) outOfRange++;
      if (!['a', 'b'].includes(r.pick(['a', 'b']))) outOfRange++;
      const z = r.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(outOfRange).toBe(0);
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(sumSq / n) - 1)).toBeLessThan(0.03);
  });
});
