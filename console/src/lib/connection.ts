// Reads every page of a connection (first ≤ 100 per request, the API's cap) for exports and totals.
export interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

export async function allPages<N>(fetchPage: (after: string | undefined) => Promise<Page<N>>, max = 2000) {
  const out: N[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || out.length >= max) return out;
    after = page.pageInfo.endCursor;
  }
}
