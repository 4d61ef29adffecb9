import pino, { Logger } from 'pino';

/** One structured logger per process; requests log through children that carry `reqId`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'archipel' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type { Logger };
