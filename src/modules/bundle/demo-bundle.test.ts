import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fromRoot } from '../../paths';
import type { Bundle } from './bundle.types';
import { bundleReferenceProblems, CANONICAL_TERRITORY_REF } from './synthetic';

/**
 * The demo bundle holds only public facts about the Fabrique des transitions (DESIGN §9 and its source
 * article). These tests prove it is a valid, self-contained bundle and guard the choices made to avoid
 * inventing facts (no e-mails, no dates or places that the sources do not give).
 */
const bundle = JSON.parse(readFileSync(fromRoot('data/demo.bundle.json'), 'utf8')) as Bundle;
const schema = JSON.parse(readFileSync(fromRoot('schema/bundle.schema.json'), 'utf8')) as object;

interface CogCommune { code: string; nom: string; type: string }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];

const bySlug = <T extends { slug: string }>(items: T[] | undefined, slug: string): T => {
  const found = (items ?? []).find((i) => i.slug === slug);
  if (!found) throw new Error(`no "${slug}" in the demo bundle`);
  return found;
};

describe('data/demo.bundle.json', () => {
  it('is valid against schema/bundle.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(bundle);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('resolves every reference within the file, without duplicates', () => {
    expect(bundleReferenceProblems(bundle)).toEqual([]);
  });

  it('names every territory by a canonical level:code ref of a real commune, with its COG name', () => {
    const refs = (bundle.territories ?? []).map((t) => t.ref);
    expect(refs).toEqual(['commune:62528', 'commune:59271', 'commune:76402', 'commune:22046']);
    for (const t of bundle.territories ?? []) {
      expect(t.ref).toMatch(CANONICAL_TERRITORY_REF);
      const cog = communes.find((c) => `commune:${c.code}` === t.ref && c.type === 'commune-actuelle');
      expect(cog?.nom).toBe(t.name);
      // Founding territories, not known to be pilot ones: "unknown" is an absent field, never false.
      expect(t.pilot).toBeUndefined();
    }
  });

  it('has the charter, its four objectives and the four tribes', () => {
    expect(bundle.charter).toEqual({ slug: 'charte-alliance', title: "Charte d'alliance" });
    expect(bundle.objectives?.map((o) => o.code)).toEqual(['1', '2', '3', '4']);
    expect(bundle.themes?.map((t) => [t.slug, t.name])).toEqual([
      ['energie', 'Énergie'],
      ['alimentation', 'Alimentation'],
      ['implication-citoyenne', 'Implication citoyenne'],
      ['nouveaux-modeles-economiques', 'Nouveaux modèles économiques'],
    ]);
  });

  it('models the 2021 assembly in two times and the 2023 assembly', () => {
    const first = bySlug(bundle.events, 'assemblee-des-allies-2021-temps-1');
    const second = bySlug(bundle.events, 'assemblee-des-allies-2021-temps-2');
    const third = bySlug(bundle.events, 'assemblee-des-allies-2023');
    expect([first.startsOn, first.endsOn, first.online]).toEqual(['2021-09-10', '2021-09-10', true]);
    expect([second.startsOn, second.venue]).toEqual(['2021-11-10', 'Makesense, Paris']);
    expect(second.participants?.filter((p) => p.role === 'SPEAKER').map((p) => p.ally).sort())
      .toEqual(['jean-francois-caron', 'patrick-viveret', 'pierre-calame']);
    expect([third.startsOn, third.endsOn, third.venue]).toEqual(['2023-12-14', '2023-12-15', 'Paris']);
  });

  it('has the collective chantiers validated on 10 Nov 2021, without invented objectives or participants', () => {
    const collective = (bundle.chantiers ?? []).filter((c) => c.kind === 'COLLECTIVE');
    expect(collective).toHaveLength(5);
    for (const c of collective) {
      expect([c.status, c.validatedOn, c.events]).toEqual(['VALIDATED', '2021-11-10', ['assemblee-des-allies-2021-temps-2']]);
      expect(c.objectives).toBeUndefined();
      expect(c.participants).toBeUndefined();
    }
  });

  it('has the four flagship projects, each carried by its ally only', () => {
    const flagships = (bundle.chantiers ?? []).filter((c) => c.kind === 'FLAGSHIP');
    expect(flagships.map((c) => c.participants)).toEqual([
      [{ ally: 'la-27e-region', role: 'CARRIER' }],
      [{ ally: 'college-des-transitions-societales', role: 'CARRIER' }],
      [{ ally: 'coop-des-communs', role: 'CARRIER' }],
      [{ ally: 'colab-studio', role: 'CARRIER' }],
    ]);
  });

  it('links Emmanuel Bertin to the Cerdd, its publication and his podcast', () => {
    expect(bundle.affiliations).toEqual([{ person: 'emmanuel-bertin', organization: 'cerdd', role: 'directeur' }]);
    expect(bySlug(bundle.resources, 'reperes-mise-en-recits-projets-de-transitions').authors).toEqual(['cerdd']);
    const podcast = bySlug(bundle.resources, 'podcast-emmanuel-bertin-mise-en-recits');
    expect([podcast.kind, podcast.authors, podcast.event])
      .toEqual(['PODCAST', ['emmanuel-bertin'], 'assemblee-des-allies-2021-temps-1']);
  });

  it('invents nothing private or unsourced about the allies', () => {
    for (const ally of bundle.allies ?? []) {
      expect(ally.email).toBeUndefined();
      expect(ally.website).toBeUndefined();
      expect(ally.siren).toBeUndefined();
      expect(ally.location).toBeUndefined();
      expect(ally.charterSignedOn).toBeUndefined();
      if (ally.kind === 'PERSON') expect(ally.public).toBe(true);
    }
    expect(bundle.charter?.adoptedOn).toBeUndefined();
    expect(bySlug(bundle.communities, 'mise-en-recits').members).toBeUndefined();
  });
});
