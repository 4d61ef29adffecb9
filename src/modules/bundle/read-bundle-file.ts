import { readFile } from 'node:fs/promises';
import type { Bundle } from './bundle.types';
import { ExistingKeys, Problem, validateBundle } from './validate-bundle';
import { validateAlliesCsv } from './csv-allies';

/**
 * Reads and validates an import file: a JSON bundle, or (by its .csv extension) the allies'
 * spreadsheet. Every problem is reported with its place; nothing is written here.
 */
export async function readBundleFile(file: string, existing: ExistingKeys): Promise<{ ok: true; bundle: Bundle } | { ok: false; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ path: file, message: `cannot read the file: ${(err as Error).message}` }] };
  }
  if (/\.csv$/i.test(file)) return validateAlliesCsv(text, existing);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return validateBundle(json, existing);
}
