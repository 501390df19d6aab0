import { describe, expect, it } from 'vitest';
import { findComponents } from './index.ts';

describe('findComponents', () => {
  it('labels components in order of their lowest vertex', () => {
    // 0-1  2  3-4-5 ; edge 2 (1-3) is inactive
    const from = [0, 3, 1, 4];
    const to = [1, 4, 3, 5];
    const { componentOf, count } = findComponents(6, from, to, (e) => e !== 2);
    expect(count).toBe(3);
    expect(Array.from(componentOf)).toEqual([0, 0, 1, 2, 2, 2]);
  });

  it('joins everything when the inactive edge is active', () => {
    const { count } = findComponents(6, [0, 3, 1, 4, 2], [1, 4, 3, 5, 5]);
    expect(count).toBe(1);
  });

  it('handles an empty graph', () => {
    expect(findComponents(0, [], []).count).toBe(0);
  });
});
