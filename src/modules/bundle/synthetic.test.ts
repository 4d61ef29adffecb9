import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fromRoot } from '../../paths';
import type { Bundle } from './bundle.types';
import {
  bundleReferenceProblems,
  CANONICAL_TERRITORY_REF,
  countRelationships,
  generateSyntheticBundle,
} from './synthetic';
import { officialCentre, officialTerritory } from '../territory/geography';

const schema = JSON.parse(readFileSync(fromRoot('schema/bundle.schema.json'), 'utf8')) as object;

interface CogEntry { code: string; type?: string }
/* eslint-disable @typescript-eslint/no-require-imports */
const cogCommunes = new Set(
  (require('@etalab/decoupage-administratif/data/communes.json') as CogEntry[])
    .filter((c) => c.type === 'commune-actuelle')
    .map((c) => `commune:${c.code}`),
);
const cogDepartements = new Set(
  (require('@etalab/decoupage-administratif/data/departements.json') as CogEntry[]).map((d) => `departement:${d.code}`),
);
const cogRegions = new Set(
  (require('@etalab/decoupage-administratif/data/regions.json') as CogEntry[]).map((r) => `region:${r.code}`),
);
/* eslint-enable @typescript-eslint/no-require-imports */

const small = generateSyntheticBundle({ allies: 500, seed: 42 });
const medium = generateSyntheticBundle({ allies: 5000, seed: 7 });

/** Every territory ref a bundle uses, wherever it appears. */
function territoryRefs(b: Bundle): string[] {
  return [
    ...(b.territories ?? []).map((t) => t.ref),
    ...(b.allies ?? []).flatMap((a) => [...(a.basedIn ? [a.basedIn] : []), ...(a.actsIn ?? [])]),
    ...(b.chantiers ?? []).flatMap((c) => c.territories ?? []),
  ];
}

/** Share of all items held by the top 1% (at least one) of `counts`. */
function topPercentShare(counts: number[]): number {
  const sorted = [...counts].sort((x, y) => y - x);
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 100))).reduce((s, c) => s + c, 0);
  return top / sorted.reduce((s, c) => s + c, 0);
}

describe('generateSyntheticBundle', () => {
  it('is deterministic: same seed, deep-equal bundle; another seed, another bundle', () => {
    expect(generateSyntheticBundle({ allies: 500, seed: 42 })).toEqual(small);
    const other = generateSyntheticBundle({ allies: 500, seed: 43 });
    expect(other).not.toEqual(small);
    expect(other.allies?.map((a) => a.basedIn)).not.toEqual(small.allies?.map((a) => a.basedIn));
  });

  it('produces bundles valid against schema/bundle.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    for (const b of [small, generateSyntheticBundle({ allies: 1, seed: 0 }), generateSyntheticBundle({ allies: 37, seed: 4294967295 })]) {
      validate(b);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it('resolves every reference inside the bundle, without duplicates or theme cycles', () => {
    for (const b of [small, medium, generateSyntheticBundle({ allies: 3, seed: 1 })]) {
      expect(bundleReferenceProblems(b)).toEqual([]);
    }
  });

  it('uses only canonical refs of real COG territories, each declared in the bundle', () => {
    for (const b of [small, medium]) {
      const declared = new Set((b.territories ?? []).map((t) => t.ref));
      const wrong = territoryRefs(b).filter((ref) => !CANONICAL_TERRITORY_REF.test(ref)
        || !declared.has(ref)
        || !(cogCommunes.has(ref) || cogDepartements.has(ref) || cogRegions.has(ref)));
      expect(wrong).toEqual([]);
    }
  });

  it('derives its counts from the number of allies', () => {
    const count = (b: Bundle) => [b.allies, b.themes, b.chantiers, b.communities, b.events, b.resources, b.objectives]
      .map((items) => items?.length);
    expect(count(small)).toEqual([500, 20, 50, 5, 3, 25, 4]);
    expect(count(medium)).toEqual([5000, 100, 500, 50, 3, 250, 4]);
    expect(medium.themes?.some((t) => t.parent !== undefined)).toBe(true);
    expect(medium.charter?.slug).toBe('synth-charte');
  });

  it('averages between 7 and 13 relationships per ally', () => {
    for (const b of [small, medium]) {
      const perAlly = countRelationships(b).total / (b.allies?.length ?? 1);
      expect(perAlly).toBeGreaterThan(7);
      expect(perAlly).toBeLessThan(13);
    }
  });

  it('is skewed: the top 1% of chantiers and of allies hold a disproportionate share of participations', () => {
    for (const b of [small, medium]) {
      const chantierSizes = (b.chantiers ?? []).map((c) => c.participants?.length ?? 0);
      expect(topPercentShare(chantierSizes)).toBeGreaterThan(0.05);
      const perAlly = new Map<string, number>();
      for (const c of b.chantiers ?? []) for (const p of c.participants ?? []) perAlly.set(p.ally, (perAlly.get(p.ally) ?? 0) + 1);
      const allyCounts = (b.allies ?? []).map((a) => perAlly.get(a.slug) ?? 0);
      expect(topPercentShare(allyCounts)).toBeGreaterThan(0.05);
    }
  });

  it('mixes organisations and persons, with private persons and e-mails only on persons', () => {
    const allies = medium.allies ?? [];
    const organizations = allies.filter((a) => a.kind === 'ORGANIZATION');
    const persons = allies.filter((a) => a.kind === 'PERSON');
    expect(organizations.length / allies.length).toBeGreaterThan(0.55);
    expect(organizations.length / allies.length).toBeLessThan(0.65);
    expect(organizations.every((a) => a.organizationType !== undefined && a.email === undefined)).toBe(true);
    const hidden = persons.filter((a) => a.public === false).length / persons.length;
    expect(hidden).toBeGreaterThan(0.1);
    expect(hidden).toBeLessThan(0.2);
    const emails = persons.filter((a) => a.email !== undefined);
    expect(emails.length).toBeGreaterThan(0);
    for (const a of emails) expect(a.email).toBe(`synth-${a.slug.slice('synth-ally-'.length)}@example.org`);
  });

  it('names everything obviously synthetic, and keeps dates and locations in range', () => {
    for (const a of small.allies ?? []) {
      expect(a.slug).toMatch(/^synth-ally-[0-9]{5}$/);
      expect(a.name.startsWith('Synth ')).toBe(true);
      expect(a.basedIn).toMatch(/^commune:/);
      expect(a.charterSignedOn! >= '2019-12-01' && a.charterSignedOn! <= '2026-06-30').toBe(true);
      // Metropolitan France, Corsica included.
      expect(a.location!.latitude).toBeGreaterThanOrEqual(41.3);
      expect(a.location!.latitude).toBeLessThanOrEqual(51.2);
      expect(a.location!.longitude).toBeGreaterThanOrEqual(-5.2);
      expect(a.location!.longitude).toBeLessThanOrEqual(9.7);
    }
    for (const c of small.chantiers ?? []) {
      expect(c.slug).toMatch(/^synth-chantier-[0-9]{4}$/);
      expect(c.objectives!.length).toBeGreaterThanOrEqual(1);
      expect(c.objectives!.length).toBeLessThanOrEqual(2);
      expect(c.themes!.length).toBeGreaterThanOrEqual(1);
      expect(c.themes!.length).toBeLessThanOrEqual(3);
      expect(c.territories!.length).toBeGreaterThanOrEqual(1);
      expect(c.territories!.length).toBeLessThanOrEqual(2);
      if (c.validatedOn) expect(c.validatedOn >= c.launchedOn!).toBe(true);
    }
    expect(small.themes?.every((t) => /^synth-theme-[0-9]{3}$/.test(t.slug))).toBe(true);
  });

  it('places each ally near its seat: within 5 km of its commune centre when known, else within its département', () => {
    const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
      const rad = Math.PI / 180;
      const x = (b.longitude - a.longitude) * rad * Math.cos(((a.latitude + b.latitude) / 2) * rad);
      const y = (b.latitude - a.latitude) * rad;
      return Math.sqrt(x * x + y * y) * 6371;
    };
    let withCentre = 0;
    for (const a of small.allies ?? []) {
      const seat = officialTerritory(a.basedIn!)!;
      const centre = officialCentre(seat.ref);
      if (centre) {
        withCentre++;
        expect(km(a.location!, centre)).toBeLessThan(5);
      } else {
        const departement = seat.parents.find((r) => r.startsWith('departement:'))!;
        expect(km(a.location!, officialCentre(departement)!)).toBeLessThan(150);
      }
    }
    // Seats are drawn by population, and most people live in communes that have a centre.
    expect(withCentre).toBeGreaterThan((small.allies ?? []).length * 0.6);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateSyntheticBundle({ allies: 0, seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticBundle({ allies: 2.5, seed: 1 })).toThrow(RangeError);
    expect(() => generateSyntheticBundle({ allies: 10, seed: -1 })).toThrow(RangeError);
    expect(() => generateSyntheticBundle({ allies: 10, seed: 2 ** 32 })).toThrow(RangeError);
  });

  // Its speed is measured by the benchmark, never asserted here (shared, noisy machines).
  it('generates 100k allies with about a million relationships', () => {
    const big = generateSyntheticBundle({ allies: 100_000, seed: 1 });
    const total = countRelationships(big).total;
    expect(total).toBeGreaterThan(800_000);
    expect(total).toBeLessThan(1_200_000);
  }, 60_000);
});

describe('bundleReferenceProblems', () => {
  it('reports dangling references, duplicates, bad refs, wrong affiliation kinds and theme cycles', () => {
    const bad: Bundle = {
      format: 'archipel-bundle',
      version: 1,
      objectives: [{ code: '1', title: 'Un' }],
      themes: [
        { slug: 'a', name: 'A', parent: 'b' },
        { slug: 'b', name: 'B', parent: 'a' },
      ],
      allies: [
        { slug: 'org', name: 'Org', kind: 'ORGANIZATION', basedIn: '62', themes: [{ theme: 'a' }, { theme: 'a' }] },
        { slug: 'org', name: 'Org bis', kind: 'ORGANIZATION' },
        { slug: 'someone', name: 'Someone', kind: 'PERSON' },
      ],
      affiliations: [{ person: 'org', organization: 'someone' }],
      chantiers: [{
        slug: 'c',
        title: 'C',
        objectives: ['9'],
        events: ['nowhere'],
        participants: [{ ally: 'someone' }, { ally: 'someone' }, { ally: 'ghost' }],
      }],
      resources: [{ slug: 'r', title: 'R', authors: ['ghost'], event: 'nowhere' }],
      communities: [{ slug: 'k', name: 'K', themes: ['zzz'], members: [{ ally: 'ghost' }] }],
    };
    expect(bundleReferenceProblems(bad)).toEqual(expect.arrayContaining([
      '/allies/1: duplicate "org"',
      '/allies/0/basedIn: territory ref "62" is not canonical level:code',
      '/allies/0/themes/1: duplicate "a"',
      '/themes: parent cycle through "a"',
      '/affiliations/0/person: "org" is not a person of the bundle',
      '/affiliations/0/organization: "someone" is not an organisation of the bundle',
      '/chantiers/0/objectives/0: unknown objective "9"',
      '/chantiers/0/events/0: unknown event "nowhere"',
      '/chantiers/0/participants/1: duplicate "someone"',
      '/chantiers/0/participants/2/ally: unknown ally "ghost"',
      '/resources/0/authors/0: unknown ally "ghost"',
      '/resources/0/event: unknown event "nowhere"',
      '/communities/0/themes/0: unknown theme "zzz"',
      '/communities/0/members/0/ally: unknown ally "ghost"',
    ]));
  });
});
