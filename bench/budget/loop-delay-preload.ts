import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/**
 * Preloaded into the server the budget benchmark starts (`node -r …/loop-delay-preload.js`): measures
 * the server's own event-loop delay (perf_hooks, 5 ms resolution) and answers the benchmark over the
 * IPC channel: `loop-delay:reset` starts a new window, `loop-delay:read` replies with the window's
 * delay, its stalls, the collector's pauses and the process's memory (after a full GC when the server runs with --expose-gc).
 */
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const ms = (ns: number) => ns / 1e6;

/**
 * The stalls of the window: the gaps over STALL_MS between two ticks of a 5 ms timer, as
 * [start, end] in µs of the monotonic clock (the clock of `--cpu-prof` profiles: find what ran then).
 */
const STALL_MS = 100;
let stalls: [number, number][] = [];
/** The collector's pauses of the window (the main thread's; wall time). */
let gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
let lastTick = process.hrtime.bigint();
setInterval(() => {
  const now = process.hrtime.bigint();
  if (now - lastTick > BigInt(STALL_MS * 1e6)) stalls.push([Number(lastTick / 1000n), Number(now / 1000n)]);
  lastTick = now;
}, 5).unref();
const mb = (bytes: number) => bytes / 2 ** 20;

process.on('message', (message: unknown) => {
  if (message === 'loop-delay:reset') {
    histogram.reset();
    stalls = [];
    gc = { count: 0, totalMs: 0, maxMs: 0 };
    process.send?.({ kind: 'loop-delay:reset' });
  } else if (message === 'loop-delay:read') {
    const delay = { maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean) };
    const pauses = { ...gc };
    (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    process.send?.({ kind: 'loop-delay:read', delay, stalls, gc: pauses, rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed) });
  }
});
// The channel must not keep the server alive once it shuts down.
process.channel?.unref();
