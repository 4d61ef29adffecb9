import { Writable } from 'node:stream';
import { createLogger, shouldPrettyPrint } from './logger';

describe('logger', () => {
  it('is pretty only on a terminal outside production', () => {
    expect(shouldPrettyPrint({ isTTY: true }, 'development')).toBe(true);
    expect(shouldPrettyPrint({ isTTY: true }, 'test')).toBe(true);
    expect(shouldPrettyPrint({ isTTY: true }, 'production')).toBe(false);
    expect(shouldPrettyPrint({ isTTY: false }, 'development')).toBe(false);
    expect(shouldPrettyPrint({}, 'development')).toBe(false);
  });

  it('writes JSON lines when not on a terminal, and readable lines on one', () => {
    const json: string[] = [];
    createLogger('info', { destination: { write: (l: string) => json.push(l) } }).info({ n: 1 }, 'hello');
    expect(JSON.parse(json[0])).toMatchObject({ msg: 'hello', n: 1, service: 'archipel' });

    const pretty: string[] = [];
    const tty = Object.assign(new Writable({ write: (chunk, _enc, done) => (pretty.push(String(chunk)), done()) }), { isTTY: true });
    createLogger('info', { destination: tty }).info({ n: 1 }, 'hello');
    expect(pretty.join('')).toMatch(/INFO.*hello/);
    expect(() => JSON.parse(pretty.join(''))).toThrow();
  });
});
