import { CsvError, parse } from 'csv-parse/sync';
import type { Bundle, BundleAlly } from './bundle.types';
import { type ExistingKeys, type Problem, validateBundle } from './validate-bundle';

/**
 * The allies' spreadsheet: a CSV whose header names are the bundle's ally fields (plus `latitude`
 * and `longitude` for `location`), turned into a bundle so it goes through the same validation as
 * a JSON import. Problems are reported as `line L, column field` — L being the physical line where
 * the record starts (the header is line 1), so a person can find it in their spreadsheet.
 *
 * Conventions: UTF-8 with or without BOM; cells are trimmed; an empty cell means "absent";
 * multi-valued cells (`actsIn`, `themes`) separate values with `;`, and a theme may carry a role
 * (`energie:LEAD;alimentation`). Spreadsheet-friendly spellings are accepted case-insensitively:
 * `kind` ORGANIZATION/PERSON/organisation/personne, `public` true/false/oui/non/yes/no/1/0,
 * `organizationType` and theme roles (upper-cased), coordinates with a decimal comma.
 *
 * Delimiter: `,` or `;`, whichever occurs more often OUTSIDE quotes in the header line (ties → `,`).
 * Only the header is looked at because header names never contain either character, whereas data
 * cells legitimately contain `;` (multi-valued cells in a comma file) and `,` (text). Consequently a
 * `;`-delimited file must quote its multi-valued cells ("energie;alimentation").
 */

const COLUMNS = [
  'slug', 'name', 'kind', 'organizationType', 'description', 'website', 'siren', 'email', 'public',
  'basedIn', 'actsIn', 'charterSignedOn', 'themes', 'latitude', 'longitude',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED_COLUMNS: Column[] = ['slug', 'name', 'kind'];

const BOOLEANS: Record<string, boolean> = {
  true: true, false: false, oui: true, non: false, '1': true, '0': false, yes: true, no: false,
};
const KINDS: Record<string, BundleAlly['kind']> = {
  organization: 'ORGANIZATION', organisation: 'ORGANIZATION', person: 'PERSON', personne: 'PERSON',
};

/** Everything learnt from the file. `fatal` problems (syntax, header) leave nothing worth validating further. */
interface Conversion {
  bundle: Bundle;
  lineOfAlly: number[];
  problems: Problem[];
  fatal: boolean;
  /** Header order, to sort problems within a line. */
  columns: string[];
  /** `allyIndex/column` whose cell was already reported, so the bundle validation's echo is dropped. */
  reported: Set<string>;
}

const at = (line: number, column?: string): string => (column ? `line ${line}, column ${column}` : `line ${line}`);

/** `,` or `;`: the more frequent outside quotes in the header line (see the module comment). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n' || ch === '\r') break;
    else if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Plain words for csv-parse's syntax errors. */
function syntaxMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (missing ")';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'unexpected text after a closing quote (inside a quoted cell, write a quote as "")';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted cell (quote the whole cell and write the quote as "")';
    default:
      return error.message;
  }
}

/**
 * Maps byte offsets to 1-based physical line numbers. csv-parse's own `info.lines` counts the end of
 * a record (and miscounts CRLF inside quotes), so starts are computed from `info.bytes` instead.
 */
function lineCounter(buffer: Buffer): (offset: number) => number {
  let position = 0;
  let breaks = 0;
  return (offset: number): number => {
    let start = offset;
    // Blank lines skipped by the parser, and leading spaces trimmed, are not part of the record.
    while (start < buffer.length && (buffer[start] === 0x20 || buffer[start] === 0x09 || buffer[start] === 0x0a || buffer[start] === 0x0d)) start++;
    for (; position < start; position++) {
      if (buffer[position] === 0x0a || (buffer[position] === 0x0d && buffer[position + 1] !== 0x0a)) breaks++;
    }
    return breaks + 1;
  };
}

function splitValues(cell: string): string[] {
  return cell.split(';').map((value) => value.trim()).filter((value) => value !== '');
}

/** Parses a coordinate, accepting the French decimal comma (`50,43`). */
function parseCoordinate(cell: string): number | undefined {
  const text = /^[-+]?[0-9]+,[0-9]+$/.test(cell) ? cell.replace(',', '.') : cell;
  const value = /^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

function convert(input: string): Conversion {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const empty: Bundle = { format: 'archipel-bundle', version: 1, allies: [] };
  const result: Conversion = { bundle: empty, lineOfAlly: [], problems: [], fatal: true, columns: [], reported: new Set() };
  if (text.trim() === '') {
    result.problems.push({ path: at(1), message: `the file is empty: expected a header line (${COLUMNS.join(',')})` });
    return result;
  }

  const buffer = Buffer.from(text, 'utf8');
  const ends: number[] = [];
  let records: string[][];
  try {
    records = parse(buffer, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: string[], context) => {
        ends.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    result.problems.push({ path: at(lineCounter(buffer)(ends.at(-1) ?? 0)), message: syntaxMessage(error) });
    return result;
  }
  const lineOf = lineCounter(buffer);
  const lines = records.map((_, i) => lineOf(i === 0 ? 0 : ends[i - 1]));
  const rows = records.map((record) => record.map((cell) => cell.trim()));

  // Header.
  const [header = [], ...data] = rows;
  const canonical = new Map<string, Column>(COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns: (Column | undefined)[] = [];
  header.forEach((name, c) => {
    const column = canonical.get(name.toLowerCase());
    if (name === '') {
      if (data.some((row) => (row[c] ?? '') !== '')) {
        result.problems.push({ path: at(1), message: `column ${c + 1} has values but no name` });
      }
    } else if (!column) {
      result.problems.push({ path: at(1, name), message: `is not a known column (known: ${COLUMNS.join(', ')})` });
    } else if (columns.includes(column)) {
      result.problems.push({ path: at(1, name), message: 'appears twice' });
    }
    columns.push(column && !columns.includes(column) ? column : undefined);
  });
  let missing = false;
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) {
      result.problems.push({ path: at(1), message: `missing column "${required}"` });
      missing = true;
    }
  }
  result.columns = header;
  // An unknown or repeated column is reported and its cells ignored, and the rows are still
  // checked, so one run lists every problem; without a required column every row would fail.
  if (missing) return result;
  result.fatal = false;

  // One ally per non-blank row.
  const allies: BundleAlly[] = [];
  data.forEach((row, r) => {
    const line = lines[r + 1];
    if (row.every((cell) => cell === '')) return;
    if (row.length < header.length || row.slice(header.length).some((cell) => cell !== '')) {
      result.problems.push({ path: at(line), message: `has ${row.length} cells but the header has ${header.length}` });
      return;
    }
    const index = allies.length;
    const problem = (column: Column, message: string): void => {
      result.problems.push({ path: at(line, column), message });
      result.reported.add(`${index}/${column}`);
    };
    const ally: Record<string, unknown> = {};
    const coordinates: Partial<Record<'latitude' | 'longitude', number>> = {};
    columns.forEach((column, c) => {
      const cell = row[c];
      if (column === undefined || cell === '') return;
      switch (column) {
        case 'kind': {
          const kind = KINDS[cell.toLowerCase()];
          if (kind) ally.kind = kind;
          else problem(column, `must be ORGANIZATION or PERSON (organisation, personne accepted), not "${cell}"`);
          break;
        }
        case 'organizationType':
          ally.organizationType = cell.toUpperCase();
          break;
        case 'public': {
          const value = BOOLEANS[cell.toLowerCase()];
          if (value !== undefined) ally.public = value;
          else problem(column, `must be one of true, false, oui, non, yes, no, 1, 0, not "${cell}"`);
          break;
        }
        case 'actsIn':
          ally.actsIn = splitValues(cell);
          break;
        case 'themes':
          ally.themes = splitValues(cell).map((value) => {
            const colon = value.indexOf(':');
            if (colon < 0) return { theme: value };
            return { theme: value.slice(0, colon).trim(), role: value.slice(colon + 1).trim().toUpperCase() };
          });
          break;
        case 'latitude':
        case 'longitude': {
          const value = parseCoordinate(cell);
          if (value !== undefined) coordinates[column] = value;
          else problem(column, `must be a number, not "${cell}"`);
          break;
        }
        default:
          ally[column] = cell;
      }
    });
    const { latitude, longitude } = coordinates;
    if (latitude !== undefined && longitude !== undefined) ally.location = { latitude, longitude };
    else if (latitude !== undefined && !result.reported.has(`${index}/longitude`)) problem('longitude', 'is required with latitude');
    else if (longitude !== undefined && !result.reported.has(`${index}/latitude`)) problem('latitude', 'is required with longitude');
    allies.push(ally as unknown as BundleAlly);
    result.lineOfAlly.push(line);
  });
  result.bundle = { ...empty, allies };
  return result;
}

/** Orders `line L, column c` problems by line, then by the column's place in the header. */
function sortByLine(problems: Problem[], columns: string[]): Problem[] {
  const key = (problem: Problem): [number, number] => {
    const match = /^line (\d+)(?:, column (.+))?$/.exec(problem.path);
    if (!match) return [0, -1];
    return [Number(match[1]), match[2] === undefined ? -1 : columns.findIndex((c) => c.toLowerCase() === match[2].toLowerCase())];
  };
  return problems
    .map((problem) => ({ problem, key: key(problem) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1])
    .map(({ problem }) => problem);
}

/** Parse a CSV of allies into a bundle. Returns the bundle plus, for each ally index, its 1-based line number in the file (the header is line 1). */
export function alliesCsvToBundle(text: string): { ok: true; bundle: Bundle; lineOfAlly: number[] } | { ok: false; problems: Problem[] } {
  const conversion = convert(text);
  if (conversion.fatal) return { ok: false, problems: conversion.problems }; // already in header order
  if (conversion.problems.length > 0) return { ok: false, problems: sortByLine(conversion.problems, conversion.columns) };
  return { ok: true, bundle: conversion.bundle, lineOfAlly: conversion.lineOfAlly };
}

/**
 * Parses and validates a CSV of allies: cell problems and `validateBundle`'s problems together, the
 * latter re-mapped from `/allies/N/field…` to `line L, column field`. On success the bundle has its
 * territory refs normalised.
 */
export async function validateAlliesCsv(text: string, existing: ExistingKeys): Promise<{ ok: true; bundle: Bundle } | { ok: false; problems: Problem[] }> {
  const conversion = convert(text);
  if (conversion.fatal) return { ok: false, problems: conversion.problems };
  const validation = await validateBundle(conversion.bundle, existing);
  if (validation.ok && conversion.problems.length === 0) return validation;
  const remapped = (validation.ok ? [] : validation.problems).flatMap((problem): Problem[] => {
    const match = /^\/allies\/(\d+)(?:\/([^/]+)(?:\/([^/]+))?)?/.exec(problem.path);
    const index = match ? Number(match[1]) : NaN;
    const line = conversion.lineOfAlly[index];
    if (!match || line === undefined) return [problem];
    const field = match[2];
    const column = field === 'location' ? (match[3] === 'longitude' ? 'longitude' : 'latitude') : field;
    if (column !== undefined && conversion.reported.has(`${index}/${column}`)) return [];
    // "first at /allies/2" means something in a bundle; in a spreadsheet it is a line.
    const message = problem.message.replace(/\/allies\/(\d+)\b/g, (pointer, n: string) => {
      const first = conversion.lineOfAlly[Number(n)];
      return first === undefined ? pointer : `line ${first}`;
    });
    return [{ path: at(line, column), message }];
  });
  return { ok: false, problems: sortByLine([...conversion.problems, ...remapped], conversion.columns) };
}
