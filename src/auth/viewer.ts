/**
 * Who is asking. Reads are public; [Writes] will derive editors, admins and allies from a bearer JWT.
 * Privacy rules (DESIGN §3) are decided from `canSeePrivate` and `canSeeEmails`, which the
 * repositories pass to their Cypher as parameters: the database never returns what the viewer
 * may not see.
 */
export interface Viewer {
  readonly kind: 'anonymous' | 'editor' | 'admin' | 'ally';
  readonly allySlug?: string;
  /** May see persons whose `public` is false. */
  readonly canSeePrivate: boolean;
  /** May see email addresses (editors, admins; an ally only its own, decided per node). */
  readonly canSeeEmails: boolean;
}

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'anonymous', canSeePrivate: false, canSeeEmails: false });
