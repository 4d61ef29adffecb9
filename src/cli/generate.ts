import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Bundle } from '../modules/bundle/bundle.types';
import { countRelationships, generateSyntheticBundle, MAX_SYNTHETIC_ALLIES } from '../modules/bundle/synthetic';

/**
 * `node dist/src/cli/generate.js --allies N --seed S [--out FILE]`: writes a deterministic synthetic
 * bundle (see `generateSyntheticBundle`) as JSON to FILE, or to stdout, and one summary line to stderr
 * so that stdout stays pure JSON when piped. Bad arguments exit with code 2 and the usage; a failure
 * to write exits with 1.
 */
const USAGE = 'usage: generate --allies N --seed S [--out FILE]\n'
  + `  --allies N   number of allies, 1..${MAX_SYNTHETIC_ALLIES}\n`
  + '  --seed S     integer seed, 0..4294967295 (same seed, same bundle)\n'
  + '  --out FILE   where to write the JSON bundle (default: stdout)';

class UsageError extends Error {}

interface GenerateArgs {
  allies: number;
  seed: number;
  out?: string;
  help: boolean;
}

function integer(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new UsageError(`--${name} is required`);
  if (!/^[0-9]+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be an integer in ${min}..${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parse(argv: string[]): GenerateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        allies: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return { allies: 0, seed: 0, help: true };
  if (values.out === '') throw new UsageError('--out needs a file name');
  return {
    allies: integer('allies', values.allies, 1, MAX_SYNTHETIC_ALLIES),
    seed: integer('seed', values.seed, 0, 0xffffffff),
    out: values.out,
    help: false,
  };
}

function summary(bundle: Bundle, seed: number, ms: number, out: string | undefined): string {
  const allies = bundle.allies ?? [];
  const organizations = allies.filter((a) => a.kind === 'ORGANIZATION').length;
  const { total, ...perType } = countRelationships(bundle);
  const types = Object.entries(perType).map(([type, count]) => `${type} ${count}`).join(', ');
  return `synthetic bundle (seed ${seed}): ${allies.length} allies (${organizations} organizations, `
    + `${allies.length - organizations} persons), ${bundle.themes?.length ?? 0} themes, `
    + `${bundle.chantiers?.length ?? 0} chantiers, ${bundle.communities?.length ?? 0} communities, `
    + `${bundle.events?.length ?? 0} events, ${bundle.resources?.length ?? 0} resources, `
    + `${bundle.objectives?.length ?? 0} objectives, ${bundle.territories?.length ?? 0} territories; `
    + `${total} relationships (${(total / Math.max(1, allies.length)).toFixed(2)} per ally: ${types}) `
    + `in ${(ms / 1000).toFixed(1)} s -> ${out ?? 'stdout'}`;
}

/** Runs the command; returns the process exit code. */
export function main(argv: string[]): number {
  let args: GenerateArgs;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`generate: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const started = Date.now();
  const bundle = generateSyntheticBundle({ allies: args.allies, seed: args.seed });
  const json = `${JSON.stringify(bundle)}\n`;
  try {
    if (args.out === undefined) process.stdout.write(json);
    else {
      mkdirSync(path.dirname(args.out), { recursive: true }); // e.g. .data-synth/synth.json before the store exists
      writeFileSync(args.out, json);
    }
  } catch (err) {
    process.stderr.write(`generate: cannot write ${args.out}: ${(err as Error).message}\n`);
    return 1;
  }
  process.stderr.write(`${summary(bundle, args.seed, Date.now() - started, args.out)}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
