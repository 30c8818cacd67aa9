/**
 * Identifiers and timestamps for stored records.
 * Invariant: ids are unique per browser without a server (time + randomness), sortable by time.
 */

/** The current time as an ISO-8601 string. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A new id such as "cmp-lx3k2a9f-4k2j9a": a time prefix keeps ids roughly time-ordered. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
