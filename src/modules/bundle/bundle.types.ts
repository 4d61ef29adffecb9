import type {
  AllyKind, OrganizationType, ThemeRole, ContributionRole, ChantierKind, ChantierStatus, EventKind, EventRole, ResourceKind, CommunityRole,
} from '../../graph/model';

/**
 * The import/export bundle, version 1. `schema/bundle.schema.json` is the contract; these types mirror it, with the enums of the graph model
 * (src/graph/model.ts; model.test.ts checks the schema's enums are the model's).
 * Optional fields mean "unknown", never "false".
 */
export interface BundlePoint {
  latitude: number;
  longitude: number;
}

export type {
  AllyKind, OrganizationType, ThemeRole, ContributionRole, ChantierKind, ChantierStatus, EventKind, EventRole, ResourceKind, CommunityRole,
};

export interface BundleCharter { slug: string; title: string; adoptedOn?: string }
export interface BundleObjective { code: string; title: string; description?: string }
export interface BundleTheme { slug: string; name: string; description?: string; parent?: string }
export interface BundleTerritory {
  ref: string;
  name?: string;
  parents?: string[];
  population?: number;
  center?: BundlePoint;
  pilot?: boolean;
  pilotSince?: string;
}
export interface BundleAlly {
  slug: string;
  name: string;
  kind: AllyKind;
  organizationType?: OrganizationType;
  description?: string;
  website?: string;
  siren?: string;
  email?: string;
  public?: boolean;
  location?: BundlePoint;
  basedIn?: string;
  actsIn?: string[];
  charterSignedOn?: string;
  themes?: { theme: string; role?: ThemeRole }[];
}
export interface BundleAffiliation { person: string; organization: string; role?: string }
export interface BundleChantier {
  slug: string;
  title: string;
  summary?: string;
  kind?: ChantierKind;
  status?: ChantierStatus;
  launchedOn?: string;
  validatedOn?: string;
  website?: string;
  objectives?: string[];
  themes?: string[];
  territories?: string[];
  events?: string[];
  participants?: { ally: string; role?: ContributionRole; since?: string }[];
}
export interface BundleEvent {
  slug: string;
  title: string;
  kind?: EventKind;
  startsOn?: string;
  endsOn?: string;
  online?: boolean;
  venue?: string;
  participants?: { ally: string; role?: EventRole }[];
}
export interface BundleResource {
  slug: string;
  title: string;
  kind?: ResourceKind;
  url?: string;
  publishedOn?: string;
  authors?: string[];
  themes?: string[];
  event?: string;
}
export interface BundleCommunity {
  slug: string;
  name: string;
  description?: string;
  themes?: string[];
  members?: { ally: string; role?: CommunityRole }[];
}

export interface Bundle {
  format: 'archipel-bundle';
  version: 1;
  charter?: BundleCharter;
  objectives?: BundleObjective[];
  themes?: BundleTheme[];
  territories?: BundleTerritory[];
  allies?: BundleAlly[];
  affiliations?: BundleAffiliation[];
  chantiers?: BundleChantier[];
  events?: BundleEvent[];
  resources?: BundleResource[];
  communities?: BundleCommunity[];
}
