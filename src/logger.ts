import pino, { DestinationStream, Logger } from 'pino';
import pinoPretty from 'pino-pretty';

export interface LoggerOptions {
  /** Where lines go: stdout by default (the server), stderr for the command-line tools. */
  destination?: DestinationStream & { isTTY?: boolean };
  /** NODE_ENV: production always logs JSON. */
  env?: 'development' | 'production' | 'test';
}

/**
 * One structured logger per process; requests log through children that carry `reqId`.
 * JSON lines, for log collectors — except on a terminal outside production, where a person reads
 * them: pino-pretty then prints one coloured line per entry (synchronously, no worker thread).
 */
export function createLogger(level: string, opts: LoggerOptions = {}): Logger {
  const { destination = process.stdout, env = 'development' } = opts;
  const options = { level, base: { service: 'archipel' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (shouldPrettyPrint(destination, env)) {
    return pino(options, pinoPretty({ destination: destination as NodeJS.WritableStream, colorize: true, sync: true, ignore: 'service,pid,hostname' }));
  }
  return pino(options, destination);
}

/** Pretty only for a person: a terminal, and not production. */
export function shouldPrettyPrint(destination: { isTTY?: boolean }, env: string): boolean {
  return Boolean(destination.isTTY) && env !== 'production';
}
export type { Logger };
