import { territoryArgument, textArgument, ThemeGroup } from '../ally/ally.filter';
import type { ChantierFilter } from './chantier.inputs';

/**
 * Criteria of a list of chantiers (DESIGN §11, step 1): the ChantierFilter and the parent scope
 * (`Territory.chantiers`, `Theme.chantiers`, `CharterObjective.chantiers`), validated and
 * normalised. Pure. Every condition must hold; a list holds one condition per item.
 */
export interface ChantierScope {
  territory?: string;
  theme?: string;
  objective?: string;
}

export interface ChantierCriteria {
  status: string[] | null;
  kind: string | null;
  objectives: string[];
  /** Each group must hold: addressing at least one of its themes (the filter's themes are one group). */
  themeGroups: ThemeGroup[];
  territories: string[];
  /** With each of these allies (slugs) among its contributors. */
  participants: string[];
  text: string | null;
  /** What the filter itself named, checked against the graph (errors name these arguments). */
  named: { argument: string; themes: string[]; objective: string | null; participant: string | null };
}

const unique = (xs: string[]) => [...new Set(xs)];

export function chantierCriteria(f: ChantierFilter | undefined, scope: ChantierScope = {}, argument = 'filter'): ChantierCriteria {
  const themes = f?.themes?.length ? unique(f.themes) : [];
  const themeGroups: ThemeGroup[] = themes.length ? [{ slugs: themes, role: null }] : [];
  if (scope.theme != null) themeGroups.push({ slugs: [scope.theme], role: null });
  const territories = [
    ...(scope.territory != null ? [scope.territory] : []),
    ...(f?.territory != null ? [territoryArgument(f.territory, `${argument}.territory`)] : []),
  ];
  const objectives = [...(scope.objective != null ? [scope.objective] : []), ...(f?.objective != null ? [f.objective] : [])];
  return {
    status: f?.status?.length ? unique(f.status) : null,
    kind: f?.kind ?? null,
    objectives: unique(objectives),
    themeGroups,
    territories: unique(territories),
    participants: f?.participant != null ? [f.participant] : [],
    text: f?.text != null ? textArgument(f.text, `${argument}.text`) : null,
    named: { argument, themes, objective: f?.objective ?? null, participant: f?.participant ?? null },
  };
}
