/** GraphQL over POST JSON to the API that serves the page (same origin: no CORS, no preflight header). */

/** A failed request; `code` is the GraphQL error's extensions.code when the API gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('l’API ne répond pas (réseau)');
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (!body) throw new ApiError(`réponse illisible de l’API (HTTP ${res.status})`);
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join(' ; '), body.errors[0].extensions?.code ?? null);
  if (!body.data) throw new ApiError(`réponse vide de l’API (HTTP ${res.status})`);
  return body.data;
}

export interface NetworkNodeData {
  id: string;
  label: string;
  type: string;
  degree: number;
  community: number;
  attributes: Record<string, unknown>;
}
export interface NetworkEdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
}
export interface NetworkData {
  totalNodes: number;
  truncated: boolean;
  nodes: NetworkNodeData[];
  edges: NetworkEdgeData[];
  communities: { id: number; label: string; size: number }[];
}

export const NETWORK_QUERY = `query ExplorerNetwork($filter: NetworkFilter, $maxNodes: Int, $projection: NetworkProjection) {
  network(filter: $filter, maxNodes: $maxNodes, projection: $projection) {
    totalNodes truncated
    nodes { id label type degree community attributes }
    edges { id source target type weight }
    communities { id label size }
  }
}`;

export const BOOT_QUERY = `query ExplorerBoot {
  themes(first: 100) { edges { node { slug name parent { slug } } } }
  charterObjectives { code title }
}`;

/** What a node's panel shows, whatever its type. */
export const DETAILS_QUERY = `query ExplorerDetails($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Ally {
      name slug kind organizationType description website
      basedIn { ref name }
      actsIn { ref name }
      themes { role theme { slug name } }
      collaborators(first: 20) { totalCount edges { node { weight ally { id slug name kind } via { __typename id ...Label } } } }
    }
    ... on Chantier { title slug status summary territories { ref name } themes { slug name } objectives { code title } }
    ... on Theme { name slug description }
    ... on Territory { name ref level population }
    ... on CharterObjective { code title description }
    ... on LearningCommunity { name slug description }
  }
}
fragment Label on Node {
  ... on Ally { name }
  ... on Chantier { title }
  ... on LearningCommunity { name }
  ... on Theme { name }
  ... on Territory { name }
}`;

export const PATH_QUERY = `query ExplorerPath($from: String!, $to: String!) {
  collaborationPath(from: $from, to: $to) {
    hops
    steps { ally { id slug name } via { __typename id ...Label } }
  }
}
fragment Label on Node {
  ... on Ally { name }
  ... on Chantier { title }
  ... on LearningCommunity { name }
}`;

export const SEARCH_QUERY = `query ExplorerSearch($text: String!, $types: [SearchType!], $first: Int) {
  search(text: $text, types: $types, first: $first) {
    node {
      __typename id
      ... on Ally { name slug }
      ... on Chantier { title slug }
      ... on Theme { name slug }
      ... on Territory { name ref level }
      ... on Event { title slug }
      ... on Resource { title slug }
      ... on LearningCommunity { name slug }
    }
  }
}`;

/** A node's display name, whatever its type. */
export function nameOf(n: Record<string, unknown>): string {
  return String(n.name ?? n.title ?? n.ref ?? n.code ?? n.id ?? '');
}
