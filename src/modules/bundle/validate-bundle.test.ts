import type { Bundle } from './bundle.types';
import { type EntityKind, type ExistingKeys, isValidSiren, validateBundle } from './validate-bundle';

/** A fake database: the keys it holds per kind, and a record of every lookup. */
function fakeDatabase(held: Partial<Record<EntityKind, string[]>> = {}): { existing: ExistingKeys; calls: [EntityKind, string[]][] } {
  const calls: [EntityKind, string[]][] = [];
  const existing: ExistingKeys = async (kind, keys) => {
    calls.push([kind, [...keys].sort()]);
    const known = new Set(held[kind] ?? []);
    return new Set(keys.filter((key) => known.has(key)));
  };
  return { existing, calls };
}

const base = { format: 'archipel-bundle', version: 1 } as const;

async function problemsOf(input: unknown, held: Partial<Record<EntityKind, string[]>> = {}) {
  const result = await validateBundle(input, fakeDatabase(held).existing);
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.problems;
}

describe('validateBundle', () => {
  it('refuses Corsica as 20 and a dropped leading zero with what the API says, and accepts 2A, 2B and 01001', async () => {
    const problems = await problemsOf({
      ...base,
      allies: [
        { slug: 'a', name: 'A', kind: 'ORGANIZATION', basedIn: 'departement:20', actsIn: ['commune:20004', 'commune:1001'] },
        { slug: 'b', name: 'B', kind: 'ORGANIZATION', basedIn: 'departement:2A', actsIn: ['commune:2B033', '01001', 'departement:974'] },
      ],
    });
    expect(problems).toEqual([
      { path: '/allies/0/basedIn', message: '"departement:20": Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse) since 1976' },
      { path: '/allies/0/actsIn/0', message: '"commune:20004": Corsica\'s communes are numbered 2A… or 2B… since 1976 (e.g. commune:2A004 or commune:2B004)' },
      {
        path: '/allies/0/actsIn/1',
        message: '"commune:1001": a commune code is 5 characters: its département and 3 digits (e.g. commune:62528, commune:01001, commune:2A004, commune:97411); did you mean commune:01001? (a spreadsheet may have dropped the leading zero)',
      },
    ]);
  });

  it('refuses a bad URL, an unknown theme and a bare "32" with exactly those three problems, in document order', async () => {
    const problems = await problemsOf({
      ...base,
      themes: [{ slug: 'energie', name: 'Énergie' }],
      allies: [
        {
          slug: 'cerdd',
          name: 'CERDD',
          kind: 'ORGANIZATION',
          website: 'cerdd.org',
          basedIn: '32',
          themes: [{ theme: 'energie' }, { theme: 'inconnu', role: 'LEAD' }],
        },
      ],
    });
    expect(problems).toEqual([
      { path: '/allies/0/website', message: 'must be a URL' },
      { path: '/allies/0/basedIn', message: '"32": write region:32 (Hauts-de-France) or departement:32 (Gers)' },
      { path: '/allies/0/themes/1/theme', message: 'unknown theme "inconnu"' },
    ]);
  });

  it('accepts a valid bundle and normalises every territory ref', async () => {
    const { existing, calls } = fakeDatabase();
    const input = {
      ...base,
      objectives: [{ code: 'O1', title: 'Sobriété' }],
      themes: [
        { slug: 'energie', name: 'Énergie' },
        { slug: 'renovation', name: 'Rénovation', parent: 'energie' },
      ],
      territories: [{ ref: '62528', name: 'Loos-en-Gohelle', parents: ['departement:62'], pilot: true, pilotSince: '2020-01-15' }],
      allies: [
        { slug: 'cerdd', name: 'CERDD', kind: 'ORGANIZATION', organizationType: 'ASSOCIATION', siren: '732829320', website: 'https://www.cerdd.org', email: 'contact@cerdd.org', basedIn: '62528', actsIn: ['region:32', 'departement:62'], themes: [{ theme: 'energie', role: 'LEAD' }] },
        { slug: 'jeanne', name: 'Jeanne', kind: 'PERSON', public: false },
      ],
      affiliations: [{ person: 'jeanne', organization: 'cerdd', role: 'chargée de mission' }],
      chantiers: [{ slug: 'sobriete', title: 'Sobriété', objectives: ['O1'], themes: ['renovation'], territories: ['62528', 'region:32'], events: ['ag-2024'], participants: [{ ally: 'cerdd', role: 'CARRIER', since: '2024-01-01' }] }],
      events: [{ slug: 'ag-2024', title: 'AG', startsOn: '2024-06-01', endsOn: '2024-06-01', participants: [{ ally: 'jeanne', role: 'SPEAKER' }] }],
      resources: [{ slug: 'guide', title: 'Guide', url: 'https://example.org/guide.pdf', authors: ['cerdd'], themes: ['energie'], event: 'ag-2024' }],
      communities: [{ slug: 'reseau', name: 'Réseau', themes: ['energie'], members: [{ ally: 'jeanne', role: 'LEAD' }] }],
    };
    const result = await validateBundle(input, existing);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const bundle: Bundle = result.bundle;
    expect(bundle.territories?.[0].ref).toBe('commune:62528');
    expect(bundle.allies?.[0].basedIn).toBe('commune:62528');
    expect(bundle.allies?.[0].actsIn).toEqual(['region:32', 'departement:62']);
    expect(bundle.chantiers?.[0].territories).toEqual(['commune:62528', 'region:32']);
    expect(input.allies[0].basedIn).toBe('62528'); // the input is left untouched
    expect(calls).toEqual([]); // everything is in the file or the official geography
  });

  it('accepts references that exist only in the database, looking each kind up once with all its keys', async () => {
    const { existing, calls } = fakeDatabase({ theme: ['climat', 'eau'], ally: ['ademe'], objective: ['O7'], event: ['ag-2023'], territory: ['commune:01999'] });
    const result = await validateBundle(
      {
        ...base,
        allies: [{ slug: 'cerdd', name: 'CERDD', kind: 'ORGANIZATION', basedIn: '01999', themes: [{ theme: 'climat' }, { theme: 'eau' }] }],
        chantiers: [{ slug: 'c', title: 'C', objectives: ['O7'], themes: ['climat'], events: ['ag-2023'], participants: [{ ally: 'ademe' }, { ally: 'cerdd' }] }],
        resources: [{ slug: 'r', title: 'R', authors: ['ademe'] }],
      },
      existing,
    );
    expect(result.ok).toBe(true);
    expect(calls.sort()).toEqual([
      ['ally', ['ademe']],
      ['event', ['ag-2023']],
      ['objective', ['O7']],
      ['territory', ['commune:01999']],
      ['theme', ['climat', 'eau']],
    ]);
  });

  it('reports references known nowhere, with the kind and key', async () => {
    const problems = await problemsOf({
      ...base,
      chantiers: [{ slug: 'c', title: 'C', objectives: ['O9'], events: ['nope'], participants: [{ ally: 'x' }] }],
      resources: [{ slug: 'r', title: 'R', event: 'nope' }],
      communities: [{ slug: 'k', name: 'K', members: [{ ally: 'y' }] }],
    });
    expect(problems).toEqual([
      { path: '/chantiers/0/objectives/0', message: 'unknown objective "O9"' },
      { path: '/chantiers/0/events/0', message: 'unknown event "nope"' },
      { path: '/chantiers/0/participants/0/ally', message: 'unknown ally "x"' },
      { path: '/resources/0/event', message: 'unknown event "nope"' },
      { path: '/communities/0/members/0/ally', message: 'unknown ally "y"' },
    ]);
  });

  it('reports the second occurrence of a duplicate key, naming the first', async () => {
    const problems = await problemsOf({
      ...base,
      objectives: [{ code: 'O1', title: 'A' }, { code: 'O1', title: 'B' }],
      territories: [{ ref: 'commune:62528' }, { ref: '62528' }],
      allies: [
        { slug: 'a', name: 'A', kind: 'PERSON' },
        { slug: 'b', name: 'B', kind: 'PERSON' },
        { slug: 'cerdd', name: 'CERDD', kind: 'ORGANIZATION' },
        { slug: 'cerdd', name: 'CERDD bis', kind: 'ORGANIZATION' },
      ],
    });
    expect(problems).toEqual([
      { path: '/objectives/1/code', message: 'duplicate code "O1" (first at /objectives/0)' },
      { path: '/territories/1/ref', message: 'duplicate ref "commune:62528" (first at /territories/0)' },
      { path: '/allies/3/slug', message: 'duplicate slug "cerdd" (first at /allies/2)' },
    ]);
  });

  it('reports each theme parent cycle once, at its first theme', async () => {
    const problems = await problemsOf({
      ...base,
      themes: [
        { slug: 'd', name: 'D', parent: 'a' },
        { slug: 'a', name: 'A', parent: 'b' },
        { slug: 'b', name: 'B', parent: 'a' },
        { slug: 'c', name: 'C', parent: 'c' },
        { slug: 'e', name: 'E', parent: 'd' },
      ],
    });
    expect(problems).toEqual([
      { path: '/themes/1/parent', message: 'theme parent cycle: a → b → a' },
      { path: '/themes/3/parent', message: 'theme parent cycle: c → c' },
    ]);
  });

  it('checks the SIREN Luhn checksum', async () => {
    // 7 3 2 8 2 9 3 2 0: from the right, doubling every second digit: 0+4+3+9+2+7+2+6+7 = 40.
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('356000000')).toBe(true); // La Poste: Luhn-valid as a SIREN
    expect(isValidSiren('73282932')).toBe(false);
    const problems = await problemsOf({
      ...base,
      allies: [
        { slug: 'a', name: 'A', kind: 'ORGANIZATION', siren: '123456789' },
        { slug: 'b', name: 'B', kind: 'ORGANIZATION', siren: '12345678' },
        { slug: 'c', name: 'C', kind: 'ORGANIZATION', siren: '732829320' },
      ],
    });
    expect(problems).toEqual([
      { path: '/allies/0/siren', message: 'must be a valid SIREN (9 digits, Luhn checksum)' },
      { path: '/allies/1/siren', message: 'must be a valid SIREN (9 digits, Luhn checksum)' },
    ]);
  });

  it('refuses organisation fields on a person and affiliations with the wrong kinds', async () => {
    const problems = await problemsOf({
      ...base,
      allies: [
        { slug: 'jeanne', name: 'Jeanne', kind: 'PERSON', organizationType: 'ASSOCIATION', siren: '732829320' },
        { slug: 'cerdd', name: 'CERDD', kind: 'ORGANIZATION' },
      ],
      affiliations: [{ person: 'cerdd', organization: 'jeanne' }, { person: 'jeanne', organization: 'cerdd' }],
    });
    expect(problems).toEqual([
      { path: '/allies/0/organizationType', message: expect.stringContaining('a PERSON has no organizationType') },
      { path: '/allies/0/siren', message: expect.stringContaining('a PERSON has no SIREN') },
      { path: '/affiliations/0/person', message: '"cerdd" is an ORGANIZATION, not a PERSON' },
      { path: '/affiliations/0/organization', message: '"jeanne" is a PERSON, not an ORGANIZATION' },
    ]);
  });

  it('refuses an event ending before it starts', async () => {
    const problems = await problemsOf({ ...base, events: [{ slug: 'e', title: 'E', startsOn: '2024-06-02', endsOn: '2024-06-01' }] });
    expect(problems).toEqual([{ path: '/events/0/endsOn', message: 'must not be before startsOn (2024-06-02)' }]);
  });

  it('translates schema errors into plain messages at the right place', async () => {
    const problems = await problemsOf({
      format: 'archipel',
      version: 1,
      colour: 'green',
      allies: [
        { slug: 'Bad Slug', kind: 'ROBOT', email: 'nope', charterSignedOn: '2024-02-30', nickname: 'x', location: { latitude: 91, longitude: 0 } },
      ],
      territories: [{ ref: 62528 }],
      themes: [{ slug: 'a', name: '' }],
    });
    expect(problems).toEqual([
      { path: '/format', message: 'must be "archipel-bundle"' },
      { path: '/colour', message: 'is not a known field' },
      { path: '/allies/0/slug', message: 'must be a slug: lower-case letters, digits and dashes' },
      { path: '/allies/0/kind', message: 'must be one of ORGANIZATION, PERSON' },
      { path: '/allies/0/email', message: 'must be an email address' },
      { path: '/allies/0/charterSignedOn', message: 'must be a date YYYY-MM-DD' },
      { path: '/allies/0/nickname', message: 'is not a known field' },
      { path: '/allies/0/location/latitude', message: 'must be at most 90' },
      { path: '/allies/0/name', message: 'is required' },
      { path: '/territories/0/ref', message: 'must be a string' },
      { path: '/themes/0/name', message: 'must not be empty' },
    ]);
  });

  it('refuses a document that is not an object', async () => {
    expect(await problemsOf([])).toEqual([{ path: '', message: 'must be an object' }]);
  });
});
