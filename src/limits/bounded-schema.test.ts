import { RequestBudget } from './request-budget';
import { SLICE_MS, YIELD_AFTER_FIELDS, YIELD_AFTER_ITEMS, sliceClock, turnIfBusy } from './bounded-schema';

/**
 * The sharing of the loop (issue #9) on a clock the test drives: a woken field "works" by moving the
 * clock on, so what one turn of the loop runs is counted, not timed.
 */
let now = 0;
const realClock = sliceClock.now;
beforeAll(() => (sliceClock.now = () => now));
afterAll(() => (sliceClock.now = realClock));

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Lets the loop turn until the slice opened by earlier fields is closed. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await nextTurn();
};

function largeBudget(): RequestBudget {
  const budget = new RequestBudget(60_000, 1_000_000, () => now);
  budget.addItems(YIELD_AFTER_ITEMS + 1);
  return budget;
}

describe('turnIfBusy', () => {
  beforeEach(settle);

  it('never makes a small request wait, however long its run', () => {
    const budget = new RequestBudget(60_000, 1_000_000, () => now);
    expect(turnIfBusy(budget)).toBeNull();
    now += 10 * SLICE_MS;
    expect(turnIfBusy(budget)).toBeNull();
  });

  it('counts a pause inside a run (a collection) towards the slice: the next field waits', async () => {
    const budget = largeBudget();
    expect(turnIfBusy(budget)).toBeNull();
    now += SLICE_MS + 5; // no field ran meanwhile, and the loop did not turn
    const wait = turnIfBusy(budget);
    expect(wait).not.toBeNull();
    await wait;
  });

  it('makes a request of many fields and few items yield too', async () => {
    const budget = new RequestBudget(60_000, 1_000_000, () => now);
    for (let i = 0; i <= YIELD_AFTER_FIELDS; i++) budget.fieldResolved();
    expect(budget.itemCount).toBe(0);
    expect(turnIfBusy(budget)).toBeNull();
    now += SLICE_MS;
    const wait = turnIfBusy(budget);
    expect(wait).not.toBeNull();
    await wait;
  });

  it('wakes waiting fields for one slice of their work per turn, whatever each costs', async () => {
    const budget = largeBudget();
    expect(turnIfBusy(budget)).toBeNull();
    now += SLICE_MS;
    // 40 waiting fields: cheap ones, then some costing 4 ms each (a relation page of a hundred edges).
    const costs = [...Array(20).fill(0.01), ...Array(20).fill(4)];
    let turnNo = 0;
    const ranIn: number[] = [];
    let stop = false;
    const ticker = (async () => {
      while (!stop) {
        await nextTurn();
        turnNo += 1;
      }
    })();
    await Promise.all(
      costs.map((cost) => {
        const wait = turnIfBusy(budget);
        expect(wait).not.toBeNull();
        return wait!.then(() => {
          ranIn.push(turnNo);
          now += cost;
        });
      }),
    );
    stop = true;
    await ticker;
    // The 20 costly fields: SLICE_MS / 4 rounded up (3) in a turn, one more allowed for a field's
    // deeper work; 3 a turn, they span 7 turns.
    const costlyTurns = ranIn.slice(20);
    const costlyPerTurn = new Map<number, number>();
    for (const t of costlyTurns) costlyPerTurn.set(t, (costlyPerTurn.get(t) ?? 0) + 1);
    expect(Math.max(...costlyPerTurn.values())).toBeLessThanOrEqual(Math.ceil(SLICE_MS / 4) + 1);
    expect(costlyPerTurn.size).toBeGreaterThanOrEqual(7);
    // FIFO: the fields ran in the order they began to wait.
    expect([...ranIn].sort((a, b) => a - b)).toEqual(ranIn);
  });
});
