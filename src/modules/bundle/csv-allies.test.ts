import { alliesCsvToBundle, detectDelimiter, validateAlliesCsv } from './csv-allies';
import type { EntityKind, ExistingKeys } from './validate-bundle';

/** A fake database holding these keys per kind. */
function database(held: Partial<Record<EntityKind, string[]>> = {}): ExistingKeys {
  return async (kind, keys) => new Set(keys.filter((key) => (held[kind] ?? []).includes(key)));
}
const themes = database({ theme: ['energie', 'alimentation', 'mobilite'] });

function converted(text: string) {
  const result = alliesCsvToBundle(text);
  if (!result.ok) throw new Error(`expected the CSV to convert: ${JSON.stringify(result.problems)}`);
  return result;
}

async function problemsOf(text: string, existing: ExistingKeys = themes) {
  const result = await validateAlliesCsv(text, existing);
  if (result.ok) throw new Error('expected the CSV to be refused');
  return result.problems;
}

describe('detectDelimiter', () => {
  it('counts , and ; outside quotes in the header line only', () => {
    expect(detectDelimiter('slug,name,kind\na,"x;y;z",PERSON')).toBe(',');
    expect(detectDelimiter('slug;name;kind\na;"x, y, z";PERSON')).toBe(';');
    expect(detectDelimiter('"slug";"name";"kind"\r\n')).toBe(';');
    expect(detectDelimiter('slug')).toBe(',');
  });
});

describe('alliesCsvToBundle', () => {
  it('reads a comma file with a BOM, trimming cells and leaving empty cells absent', () => {
    const { bundle, lineOfAlly } = converted(
      '\uFEFFslug,name,kind,website,public,description\n' +
        ' cerdd , CERDD ,organisation,https://www.cerdd.org,oui,\n' +
        'jeanne,Jeanne Martin,Personne,,NO,  \n',
    );
    expect(bundle).toEqual({
      format: 'archipel-bundle',
      version: 1,
      allies: [
        { slug: 'cerdd', name: 'CERDD', kind: 'ORGANIZATION', website: 'https://www.cerdd.org', public: true },
        { slug: 'jeanne', name: 'Jeanne Martin', kind: 'PERSON', public: false },
      ],
    });
    expect(lineOfAlly).toEqual([2, 3]);
  });

  it('reads a ; file whose multi-valued cells are quoted, and decimal commas', () => {
    const { bundle } = converted(
      'slug;name;kind;actsIn;themes;latitude;longitude\r\n' +
        'cerdd;CERDD;ORGANIZATION;"region:32;departement:62";"energie:LEAD;alimentation";50,4573;2,7983\r\n',
    );
    expect(bundle.allies).toEqual([
      {
        slug: 'cerdd',
        name: 'CERDD',
        kind: 'ORGANIZATION',
        actsIn: ['region:32', 'departement:62'],
        themes: [{ theme: 'energie', role: 'LEAD' }, { theme: 'alimentation' }],
        location: { latitude: 50.4573, longitude: 2.7983 },
      },
    ]);
  });

  it('splits multi-valued themes with optional roles in a comma file', () => {
    const { bundle } = converted('slug,name,kind,themes\na,A,PERSON,energie:lead; alimentation ;mobilite:MEMBER;\n');
    expect(bundle.allies?.[0].themes).toEqual([
      { theme: 'energie', role: 'LEAD' },
      { theme: 'alimentation' },
      { theme: 'mobilite', role: 'MEMBER' },
    ]);
  });

  it('keeps commas and newlines inside quoted cells, numbering each ally by the line where it starts', () => {
    const text =
      'slug,name,kind,description\n' +
      'a,"Alpha, Inc.",ORGANIZATION,"line one\nline two, still\nline three"\n' +
      '\n' +
      'b,Beta,PERSON,\n' +
      'c,"Gamma\r\nmultiline",PERSON,"x"\n';
    const { bundle, lineOfAlly } = converted(text);
    expect(bundle.allies?.map((ally) => ally.name)).toEqual(['Alpha, Inc.', 'Beta', 'Gamma\r\nmultiline']);
    expect(bundle.allies?.[0].description).toBe('line one\nline two, still\nline three');
    expect(lineOfAlly).toEqual([2, 6, 7]);
  });

  it('numbers lines correctly with CRLF endings and a quoted CRLF', () => {
    const text = ['slug,name,kind,description', 'a,A,PERSON,"one', 'two"', 'b,B,PERSON,', '', 'c,C,PERSON,'].join('\r\n');
    expect(converted(text).lineOfAlly).toEqual([2, 4, 6]);
  });

  it('lists an unknown column together with the problems of the rows', async () => {
    const text = ['slug,name,kind,colour,website', 'a-1,Allié 1,ORGANIZATION,vert,pas une url', 'a-2,Allié 2,ROBOT,bleu,https://example.org'].join('\n');
    expect(await problemsOf(text)).toEqual([
      { path: 'line 1, column colour', message: expect.stringContaining('is not a known column') },
      { path: 'line 2, column website', message: expect.stringContaining('URL') },
      { path: 'line 3, column kind', message: expect.stringContaining('ROBOT') },
    ]);
  });

  it('reports unknown, duplicated and missing columns on line 1', () => {
    const result = alliesCsvToBundle('slug,name,colour,name\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'line 1, column colour', message: expect.stringContaining('is not a known column') },
        { path: 'line 1, column name', message: 'appears twice' },
        { path: 'line 1', message: 'missing column "kind"' },
      ],
    });
  });

  it('refuses unknown booleans, kinds, coordinates and ragged lines, with their lines', () => {
    const result = alliesCsvToBundle(
      'slug,name,kind,public,latitude,longitude\n' +
        'a,A,PERSON,peut-être,,\n' +
        'b,B,robot,true,50.1,\n' +
        'c,C,PERSON,1,north,3\n' +
        'd,D,PERSON,0,1,2,extra\n' +
        'e,E,PERSON,0,1,2,,\n',
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'line 2, column public', message: 'must be one of true, false, oui, non, yes, no, 1, 0, not "peut-être"' },
        { path: 'line 3, column kind', message: expect.stringContaining('must be ORGANIZATION or PERSON') },
        { path: 'line 3, column longitude', message: 'is required with latitude' },
        { path: 'line 4, column latitude', message: 'must be a number, not "north"' },
        { path: 'line 5', message: 'has 7 cells but the header has 6' },
      ],
    });
  });

  it('reports a CSV syntax error at the line where the broken record starts', () => {
    const result = alliesCsvToBundle('slug,name,kind\na,A,PERSON\n\nb,"B,PERSON\nc,C,PERSON\n');
    expect(result).toEqual({ ok: false, problems: [{ path: 'line 4', message: 'a quoted cell is never closed (missing ")' }] });
    const stray = alliesCsvToBundle('slug,name,kind\na,A,PERSON\nb,"B"x,PERSON\n');
    expect(stray).toMatchObject({ ok: false, problems: [{ path: 'line 3' }] });
  });

  it('reports an empty file', () => {
    expect(alliesCsvToBundle('\uFEFF  \n')).toMatchObject({ ok: false, problems: [{ path: 'line 1' }] });
  });
});

describe('validateAlliesCsv', () => {
  const header = 'slug,name,kind,website,basedIn,themes';

  it('validates and normalises territory refs', async () => {
    const result = await validateAlliesCsv(`${header}\ncerdd,CERDD,ORGANIZATION,https://www.cerdd.org,62528,"energie:LEAD;alimentation"\n`, themes);
    expect(result).toMatchObject({ ok: true, bundle: { allies: [{ slug: 'cerdd', basedIn: 'commune:62528' }] } });
  });

  it('reports a bad line 14 as line 14, column by column', async () => {
    const good = Array.from({ length: 12 }, (_, i) => `ally-${i},Ally ${i},PERSON,,,energie`);
    const text = [header, ...good, 'bad,Bad,ORGANIZATION,not a url,32,"inconnu:LEAD;energie"', 'last,Last,PERSON,,,'].join('\n');
    expect(await problemsOf(text)).toEqual([
      { path: 'line 14, column website', message: 'must be a URL' },
      { path: 'line 14, column basedIn', message: '"32": write region:32 (Hauts-de-France) or departement:32 (Gers)' },
      { path: 'line 14, column themes', message: 'unknown theme "inconnu"' },
    ]);
  });

  it('counts lines physically when a quoted cell spans lines before the bad record', async () => {
    const text = [header, 'a,"A,', 'on two lines",PERSON,,,', 'b,B,PERSON,https://b.example,,nope'].join('\n');
    expect(await problemsOf(text)).toEqual([{ path: 'line 4, column themes', message: 'unknown theme "nope"' }]);
  });

  it('merges cell problems with the bundle problems and drops their echoes', async () => {
    const text = 'slug,name,kind,public\nA,A,personne,maybe\nb,B,thing,yes\nb,B2,PERSON,\n';
    expect(await problemsOf(text)).toEqual([
      { path: 'line 2, column slug', message: 'must be a slug: lower-case letters, digits and dashes' },
      { path: 'line 2, column public', message: expect.stringContaining('must be one of true, false') },
      { path: 'line 3, column kind', message: expect.stringContaining('must be ORGANIZATION or PERSON') },
      { path: 'line 4, column slug', message: 'duplicate slug "b" (first at line 3)' },
    ]);
  });

  it('stops at header problems', async () => {
    expect(await problemsOf('slug,name\n')).toEqual([{ path: 'line 1', message: 'missing column "kind"' }]);
  });
});
