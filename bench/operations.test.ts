import { libraryAllyWithin, libraryTerritoryWithin, NETWORK_OPERATIONS, operations } from './operations';

describe('libraryTerritoryWithin (the library\'s "within", down the administrative tree)', () => {
  it('is the territory itself for a commune', () => {
    expect(libraryTerritoryWithin('commune:37261')).toEqual({ ref: { eq: 'commune:37261' } });
  });

  it('reaches a département\'s communes but never through an EPCI', () => {
    expect(libraryTerritoryWithin('departement:37')).toEqual({
      OR: [{ ref: { eq: 'departement:37' } }, { level: { in: ['COMMUNE', 'DEPARTEMENT', 'REGION', 'COUNTRY'] }, parents: { some: { ref: { eq: 'departement:37' } } } }],
    });
  });

  it('goes two levels down from a région (départements, then their communes)', () => {
    const w = libraryTerritoryWithin('region:84') as { OR: [unknown, { parents: { some: { OR: [unknown, { parents: { some: unknown } }] } } }] };
    expect(w.OR[1].parents.some.OR[1].parents.some).toEqual({ ref: { eq: 'region:84' } });
  });

  it('is about the seat or an area of action', () => {
    expect(Object.keys((libraryAllyWithin('region:84').OR as object[]).reduce((a, b) => ({ ...a, ...b }), {}))).toEqual(['basedIn', 'actsIn']);
  });
});

describe('operations', () => {
  const ops = operations({ hubAlly: 'synth-ally-00053', hubTheme: 'synth-theme-001', region: 'region:84', departement: 'departement:37', objective: '3' });

  it('have unique names', () => {
    expect(new Set(ops.map((o) => o.name)).size).toBe(ops.length);
  });

  it('read the same slugs from equivalent answers of the three servers (the ally card)', () => {
    const card = ops.find((o) => o.name === 'card')!;
    const archipel = card.slugs.archipel({
      ally: { slug: 'a', basedIn: { ref: 'commune:1' }, themes: [{ role: 'LEAD', theme: { slug: 't2' } }, { role: 'MEMBER', theme: { slug: 't1' } }],
        chantiers: { edges: [{ node: { role: 'MEMBER', chantier: { slug: 'c1' } } }] } },
    });
    const library = card.slugs.library({
      allies: [{ slug: 'a', basedIn: [{ ref: 'commune:1' }], themesConnection: { edges: [{ properties: { role: 'MEMBER' }, node: { slug: 't1' } }, { properties: { role: 'LEAD' }, node: { slug: 't2' } }] },
        chantiersConnection: { edges: [{ properties: { role: 'MEMBER' }, node: { slug: 'c1' } }] } }],
    });
    const floor = card.slugs.floor([{ slug: 'a', basedIn: { ref: 'commune:1' }, themes: [{ role: 'LEAD', theme: { slug: 't2' } }, { role: 'MEMBER', theme: { slug: 't1' } }],
      chantiers: [{ role: 'MEMBER', chantier: { slug: 'c1' } }] }]);
    expect(archipel).toEqual(['a', 'seat commune:1', 'theme LEAD t2', 'theme MEMBER t1', 'chantier MEMBER c1']);
    expect(library).toEqual(archipel);
    expect(floor).toEqual(archipel);
  });

  const network = { medianAlly: 'synth-ally-00976', farAlly: 'synth-ally-00024', farHops: 3, searchText: 'cooperative', searchQuery: '(cooperative^4)' };
  const all = operations({ hubAlly: 'synth-ally-00053', hubTheme: 'synth-theme-001', region: 'region:84', departement: 'departement:37', objective: '3', network });

  it('add the operations of who works with whom once their references are read from the store', () => {
    expect(ops.map((o) => o.name).filter((n) => NETWORK_OPERATIONS.includes(n))).toEqual([]);
    expect(all.map((o) => o.name).filter((n) => NETWORK_OPERATIONS.includes(n))).toEqual(NETWORK_OPERATIONS);
    expect(new Set(all.map((o) => o.name)).size).toBe(all.length);
  });

  it('read the same slugs from equivalent answers of the three servers (collaborators: Archipel\'s global ids, the others\' raw ids)', () => {
    const op = all.find((o) => o.name === 'collaborators-hub')!;
    const gid = (id: string) => Buffer.from(`Chantier:${id}`).toString('base64');
    const archipel = op.slugs.archipel({ ally: { collaborators: { edges: [{ node: { weight: 2, ally: { slug: 'b' }, via: [{ id: gid('c2') }, { id: gid('c1') }] } }] } } });
    expect(archipel).toEqual(['b 2 c1,c2']);
    expect(op.slugs.library({ allies: [{ collaborators: [{ slug: 'b', weight: 2, via: ['c1', 'c2'] }] }] })).toEqual(archipel);
    expect(op.slugs.floor([{ slug: 'b', weight: 2, via: ['c2', 'c1'] }])).toEqual(archipel);
  });
});

