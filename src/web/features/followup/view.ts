/** The follow-up page's state lives in its address: criteria, order and page, readable and shareable. */
import {
  criteriaToQuery,
  type FollowupCriteria,
  FollowupQuery,
  type FollowupSort,
} from '../../../shared/followup.ts';

export type GridView = {
  criteria: FollowupCriteria;
  sort: FollowupSort;
  order: 'asc' | 'desc';
  page: number;
};

export const DEFAULT_VIEW: GridView = { criteria: {}, sort: 'name', order: 'asc', page: 1 };

/** Query parameters as the server's parser reads them: repeated keys become lists. */
function toObject(params: URLSearchParams): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    object[key] = values.length > 1 ? values : values[0]!;
  }
  return object;
}

/** The view a page address names; an unreadable one (hand-edited, outdated) falls back to everyone. */
export function readView(params: URLSearchParams): { view: GridView; invalid: boolean } {
  const object = toObject(params);
  delete object.pageSize;
  const parsed = FollowupQuery.safeParse(object);
  if (!parsed.success) return { view: DEFAULT_VIEW, invalid: true };
  const { criteria, sort, order, page } = parsed.data;
  return { view: { criteria, sort, order, page }, invalid: false };
}

/** The query string of a view (criteria, order, page), as the page's address and the server read it. */
export function viewQuery(view: GridView, withPage = true): URLSearchParams {
  const params = criteriaToQuery(view.criteria);
  if (view.sort !== 'name') params.set('sort', view.sort);
  if (view.order !== 'asc') params.set('order', view.order);
  if (withPage && view.page > 1) params.set('page', String(view.page));
  return params;
}
