/**
 * Where a client keeps the anonymous viewer token of each endpoint, so a reader stays the
 * same reader (their votes, their own posts, the questions they asked). The elements keep
 * it in IndexedDB (`IndexedDbViewerTokens`), across visits; a RestClient given no store
 * keeps it in memory, for as long as the client lives.
 */
export interface ViewerTokenStore {
  get(endpoint: string): Promise<string | null>;
  set(endpoint: string, token: string): Promise<void>;
  delete(endpoint: string): Promise<void>;
}
