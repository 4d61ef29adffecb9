import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fromRoot } from '../../paths';
import { officialTerritory } from '../territory/geography';
import { parseTerritoryRef } from '../territory/territory-ref';
import type { Bundle } from './bundle.types';
import { LABELS, type EntityKind as ModelEntityKind } from '../../graph/model';

/**
 * Validation of an import bundle against `schema/bundle.schema.json` (the contract) plus the
 * rules a JSON Schema cannot express: references, duplicates, theme cycles, SIREN checksums,
 * person/organisation consistency and date order. Pure apart from the injected `existing`
 * lookup, so it runs the same in unit tests and behind the import mutation.
 */

/** One thing wrong with the input: `path` is a JSON pointer into it (`''` is the whole document). */
export interface Problem {
  path: string;
  message: string;
}

/** The kinds of keyed entity a bundle lists (the graph model's, the charter excepted: it has no references). */
export type EntityKind = Exclude<ModelEntityKind, 'charter'>;

/**
 * Which of `keys` already exist in the database (slugs; objective codes; territory refs normalised).
 * Injected so this module stays pure and testable. Called at most once per kind per validation.
 */
export type ExistingKeys = (kind: EntityKind, keys: string[]) => Promise<Set<string>>;

/** A bundle that passed validation, with every territory ref normalised (`"62528"` → `"commune:62528"`). */
export interface ValidBundle {
  bundle: Bundle;
}

export type BundleValidation = { ok: true; bundle: Bundle } | { ok: false; problems: Problem[] };

// ---------------------------------------------------------------------------------------------
// Schema

let compiled: { validate: ValidateFunction; territoryPattern: RegExp } | undefined;

/** Compiles the schema once, lazily: the file is read from the repository root (works from src/ and dist/). */
function schema(): { validate: ValidateFunction; territoryPattern: RegExp } {
  if (!compiled) {
    const json = JSON.parse(readFileSync(fromRoot('schema', 'bundle.schema.json'), 'utf8')) as {
      $defs: { territoryRef: { pattern: string } };
    };
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    compiled = { validate: ajv.compile(json), territoryPattern: new RegExp(json.$defs.territoryRef.pattern) };
  }
  return compiled;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const FORMAT_MESSAGES: Record<string, string> = {
  uri: 'must be a URL',
  email: 'must be an email address',
  date: 'must be a date YYYY-MM-DD',
};

const SIREN_MESSAGE = 'must be a valid SIREN (9 digits, Luhn checksum)';

/** Turns one ajv error into a plain problem, or `undefined` when it is reported another way. */
function translate(error: ErrorObject): Problem | undefined {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${at}/${escapePointer(String(params.missingProperty))}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${at}/${escapePointer(String(params.additionalProperty))}`, message: 'is not a known field' };
    case 'format':
      return { path: at, message: FORMAT_MESSAGES[String(params.format)] ?? `must be a valid ${String(params.format)}` };
    case 'pattern':
      // Territory refs are re-checked by parseTerritoryRef, whose message explains ambiguous codes.
      if (error.schemaPath.startsWith('#/$defs/territoryRef/')) return undefined;
      if (error.schemaPath.startsWith('#/$defs/slug/')) {
        return { path: at, message: 'must be a slug: lower-case letters, digits and dashes' };
      }
      if (at.endsWith('/siren')) return { path: at, message: SIREN_MESSAGE };
      return { path: at, message: `must match ${String(params.pattern)}` };
    case 'enum':
      return { path: at, message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { path: at, message: `must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}` };
    case 'minLength':
      return { path: at, message: params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters` };
    case 'maxLength':
      return { path: at, message: `must be at most ${String(params.limit)} characters` };
    case 'minimum':
      return { path: at, message: `must be at least ${String(params.limit)}` };
    case 'maximum':
      return { path: at, message: `must be at most ${String(params.limit)}` };
    default:
      return { path: at, message: error.message ?? `is invalid (${error.keyword})` };
  }
}

// ---------------------------------------------------------------------------------------------
// Defensive access: the input may be invalid anywhere, the checks below must not throw on it.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objects = (v: unknown): [Obj, number][] =>
  items(v).flatMap((item, i): [Obj, number][] => (isObj(item) ? [[item, i]] : []));

/** SIREN: 9 digits whose Luhn checksum holds. (La Poste's 356000000 is itself Luhn-valid; its exception concerns SIRETs.) */
export function isValidSiren(siren: string): boolean {
  if (!/^[0-9]{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = siren.charCodeAt(8 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Document-order sort key of a pointer: array indices, and the position of each key in its object. */
function orderKey(input: unknown, path: string): number[] {
  const key: number[] = [];
  let node: unknown = input;
  for (const raw of path.split('/').slice(1)) {
    const segment = unescapePointer(raw);
    if (Array.isArray(node)) {
      const index = Number(segment);
      key.push(Number.isInteger(index) ? index : node.length);
      node = node[index];
    } else if (isObj(node)) {
      const keys = Object.keys(node);
      const index = keys.indexOf(segment);
      key.push(index >= 0 ? index : keys.length); // a missing key sorts after the present ones
      node = index >= 0 ? node[segment] : undefined;
    } else {
      key.push(0);
      node = undefined;
    }
  }
  return key;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Sorts problems by where their path points in `input` (stable for equal places). */
export function sortProblems(input: unknown, problems: Problem[]): Problem[] {
  return problems
    .map((problem) => ({ problem, key: orderKey(input, problem.path) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ problem }) => problem);
}

// ---------------------------------------------------------------------------------------------
// Validation

/** The collections whose entries are keyed, with the field holding the key. */
const KEYED: { collection: keyof Bundle; kind: EntityKind; field: string }[] = LABELS.flatMap((l) =>
  l.kind === 'charter' ? [] : [{ collection: l.collection, kind: l.kind, field: l.key }],
);

interface Reference {
  kind: EntityKind;
  key: string;
  path: string;
}

/**
 * Validates the whole input and reports every problem, sorted in document order; on success returns
 * the bundle (a copy) with territory refs normalised. `existing` is called once per kind, only for
 * keys the file does not define itself.
 */
export async function validateBundle(input: unknown, existing: ExistingKeys): Promise<BundleValidation> {
  const { validate, territoryPattern } = schema();
  const problems: Problem[] = [];
  validate(input);
  for (const error of validate.errors ?? []) {
    const problem = translate(error);
    if (problem) problems.push(problem);
  }
  // A value that already failed the schema is not checked again (no "unknown theme" on a malformed slug).
  const flawed = new Set(problems.map((p) => p.path));
  const root: Obj = isObj(input) ? input : {};
  const stringAt = (value: unknown, path: string): value is string => typeof value === 'string' && !flawed.has(path);

  // Territory refs: parsed (and later normalised) wherever they appear.
  const normalised = new Map<string, string>(); // pointer → canonical ref
  const territoryAt = (value: unknown, path: string): void => {
    if (!stringAt(value, path)) return;
    const parsed = parseTerritoryRef(value);
    if (!parsed.ok) {
      problems.push({ path, message: parsed.message });
      flawed.add(path);
    } else if (!territoryPattern.test(value) && !territoryPattern.test(parsed.value.ref)) {
      problems.push({ path, message: `"${value}" is not a territory ref (e.g. commune:62528, departement:62, region:32)` });
      flawed.add(path);
    } else {
      normalised.set(path, parsed.value.ref);
    }
  };
  for (const [territory, i] of objects(root.territories)) {
    territoryAt(territory.ref, `/territories/${i}/ref`);
    items(territory.parents).forEach((ref, j) => territoryAt(ref, `/territories/${i}/parents/${j}`));
  }
  for (const [ally, i] of objects(root.allies)) {
    territoryAt(ally.basedIn, `/allies/${i}/basedIn`);
    items(ally.actsIn).forEach((ref, j) => territoryAt(ref, `/allies/${i}/actsIn/${j}`));
  }
  for (const [chantier, i] of objects(root.chantiers)) {
    items(chantier.territories).forEach((ref, j) => territoryAt(ref, `/chantiers/${i}/territories/${j}`));
  }
  /** The key of an entity or reference as stored: territory refs normalised, everything else verbatim. */
  const keyAt = (kind: EntityKind, value: unknown, path: string): string | undefined => {
    if (kind === 'territory') return normalised.get(path);
    return stringAt(value, path) ? value : undefined;
  };

  // Keys defined by the file, and duplicates.
  const defined = new Map<EntityKind, Map<string, number>>();
  for (const { collection, kind, field } of KEYED) {
    const seen = new Map<string, number>();
    defined.set(kind, seen);
    for (const [entity, i] of objects(root[collection])) {
      const path = `/${collection}/${i}/${field}`;
      const key = keyAt(kind, entity[field], path);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else problems.push({ path, message: `duplicate ${field} "${key}" (first at /${collection}/${first})` });
    }
  }

  // References.
  const references: Reference[] = [];
  const refer = (kind: EntityKind, value: unknown, path: string): void => {
    const key = keyAt(kind, value, path);
    if (key !== undefined) references.push({ kind, key, path });
  };
  const referEach = (kind: EntityKind, list: unknown, path: string): void =>
    items(list).forEach((value, j) => refer(kind, value, `${path}/${j}`));
  const referMembers = (list: unknown, path: string): void =>
    objects(list).forEach(([member, j]) => refer('ally', member.ally, `${path}/${j}/ally`));

  for (const [theme, i] of objects(root.themes)) refer('theme', theme.parent, `/themes/${i}/parent`);
  for (const [territory, i] of objects(root.territories)) referEach('territory', territory.parents, `/territories/${i}/parents`);
  for (const [ally, i] of objects(root.allies)) {
    refer('territory', ally.basedIn, `/allies/${i}/basedIn`);
    referEach('territory', ally.actsIn, `/allies/${i}/actsIn`);
    objects(ally.themes).forEach(([link, j]) => refer('theme', link.theme, `/allies/${i}/themes/${j}/theme`));
  }
  for (const [affiliation, i] of objects(root.affiliations)) {
    refer('ally', affiliation.person, `/affiliations/${i}/person`);
    refer('ally', affiliation.organization, `/affiliations/${i}/organization`);
  }
  for (const [chantier, i] of objects(root.chantiers)) {
    referEach('objective', chantier.objectives, `/chantiers/${i}/objectives`);
    referEach('theme', chantier.themes, `/chantiers/${i}/themes`);
    referEach('territory', chantier.territories, `/chantiers/${i}/territories`);
    referEach('event', chantier.events, `/chantiers/${i}/events`);
    referMembers(chantier.participants, `/chantiers/${i}/participants`);
  }
  for (const [event, i] of objects(root.events)) referMembers(event.participants, `/events/${i}/participants`);
  for (const [resource, i] of objects(root.resources)) {
    referEach('ally', resource.authors, `/resources/${i}/authors`);
    referEach('theme', resource.themes, `/resources/${i}/themes`);
    refer('event', resource.event, `/resources/${i}/event`);
  }
  for (const [community, i] of objects(root.communities)) {
    referEach('theme', community.themes, `/communities/${i}/themes`);
    referMembers(community.members, `/communities/${i}/members`);
  }

  const missing = new Map<EntityKind, Set<string>>();
  for (const { kind, key } of references) {
    if (defined.get(kind)?.has(key)) continue;
    if (kind === 'territory' && officialTerritory(key) !== undefined) continue;
    if (!missing.has(kind)) missing.set(kind, new Set());
    missing.get(kind)?.add(key);
  }
  const inDatabase = new Map<EntityKind, Set<string>>(
    await Promise.all([...missing].map(async ([kind, keys]) => [kind, await existing(kind, [...keys])] as const)),
  );
  for (const { kind, key, path } of references) {
    if (missing.get(kind)?.has(key) && !inDatabase.get(kind)?.has(key)) {
      problems.push({ path, message: `unknown ${kind} "${key}"` });
    }
  }

  // Affiliations link a person to an organisation (checked when both ends are in the file).
  const allies = objects(root.allies);
  const allyAt = new Map(allies.map(([ally, i]) => [i, ally]));
  const kindOf = (slug: unknown): unknown => {
    const index = typeof slug === 'string' ? defined.get('ally')?.get(slug) : undefined;
    return index === undefined ? undefined : allyAt.get(index)?.kind;
  };
  for (const [affiliation, i] of objects(root.affiliations)) {
    for (const [field, expected] of [['person', 'PERSON'], ['organization', 'ORGANIZATION']] as const) {
      const path = `/affiliations/${i}/${field}`;
      const actual = kindOf(affiliation[field]);
      if (flawed.has(path) || typeof actual !== 'string' || actual === expected) continue;
      problems.push({ path, message: `"${String(affiliation[field])}" is ${actual === 'PERSON' ? 'a' : 'an'} ${actual}, not ${expected === 'PERSON' ? 'a' : 'an'} ${expected}` });
    }
  }

  // Theme parent cycles, reported once per cycle at its first theme in the file.
  const themeIndex = defined.get('theme') ?? new Map<string, number>();
  const themes = new Map(objects(root.themes).map(([theme, i]) => [i, theme]));
  const parentOf = (slug: string): string | undefined => {
    const index = themeIndex.get(slug);
    const parent = index === undefined ? undefined : themes.get(index)?.parent;
    return typeof parent === 'string' ? parent : undefined;
  };
  const inCycle = new Set<string>();
  for (const [slug, index] of themeIndex) {
    if (inCycle.has(slug)) continue;
    const chain = [slug];
    for (let parent = parentOf(slug); parent !== undefined && chain.length <= themeIndex.size; parent = parentOf(parent)) {
      if (parent === slug) {
        chain.forEach((s) => inCycle.add(s));
        problems.push({ path: `/themes/${index}/parent`, message: `theme parent cycle: ${[...chain, slug].join(' → ')}` });
        break;
      }
      if (chain.includes(parent)) break; // a cycle further up: reported from one of its own themes
      chain.push(parent);
    }
  }

  // Allies: SIREN checksum, and no organisation-only fields on a person.
  for (const [ally, i] of allies) {
    const person = ally.kind === 'PERSON';
    if (person && ally.organizationType !== undefined) {
      problems.push({ path: `/allies/${i}/organizationType`, message: 'a PERSON has no organizationType (remove it, or make the ally an ORGANIZATION)' });
    }
    const sirenPath = `/allies/${i}/siren`;
    if (person && ally.siren !== undefined) {
      problems.push({ path: sirenPath, message: 'a PERSON has no SIREN (remove it, or make the ally an ORGANIZATION)' });
    } else if (stringAt(ally.siren, sirenPath) && !isValidSiren(ally.siren)) {
      problems.push({ path: sirenPath, message: SIREN_MESSAGE });
    }
  }

  // Events end on or after the day they start.
  for (const [event, i] of objects(root.events)) {
    const startsOn = event.startsOn;
    const endsOn = event.endsOn;
    const path = `/events/${i}/endsOn`;
    if (stringAt(startsOn, `/events/${i}/startsOn`) && stringAt(endsOn, path) && endsOn < startsOn) {
      problems.push({ path, message: `must not be before startsOn (${startsOn})` });
    }
  }

  if (problems.length > 0) return { ok: false, problems: sortProblems(input, problems) };

  const bundle = structuredClone(input) as Bundle & Obj;
  for (const [path, ref] of normalised) setAt(bundle, path, ref);
  return { ok: true, bundle };
}

/** Replaces the value at an existing pointer (used to normalise territory refs in the returned copy). */
function setAt(document: Obj, path: string, value: unknown): void {
  const segments = path.split('/').slice(1).map(unescapePointer);
  const last = segments.pop();
  let node: unknown = document;
  for (const segment of segments) node = (node as Obj)[segment];
  if (last !== undefined && (isObj(node) || Array.isArray(node))) (node as Obj)[last] = value;
}
