import { batchesOf, DesiredItem } from './sync-engine';

const item = (key: string, rels: number): DesiredItem => ({
  key,
  labels: ['Event'],
  props: {},
  rels: Array.from({ length: rels }, (_, i) => ({ type: 'TOOK_PART_IN', dir: 'in' as const, target: 'Ally' as const, key: `a${i}`, props: {} })),
});

describe('batchesOf', () => {
  it('bounds batches by entity count', () => {
    const batches = batchesOf(Array.from({ length: 5 }, (_, i) => item(`e${i}`, 1)), 2, 100);
    expect(batches.map((b) => b.map((i) => i.key))).toEqual([['e0', 'e1'], ['e2', 'e3'], ['e4']]);
  });

  it('bounds batches by relationship count, a heavy entity alone', () => {
    const batches = batchesOf([item('a', 10), item('b', 15000), item('c', 3000), item('d', 2500), item('e', 1)], 500, 5000);
    expect(batches.map((b) => b.map((i) => i.key))).toEqual([['a'], ['b'], ['c'], ['d', 'e']]);
  });

  it('keeps the order of the items and loses none', () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`x${i}`, i * 37 % 400));
    expect(batchesOf(items, 7, 1000).flat()).toEqual(items);
  });
});
