// A panel opened by another one for a row (Overview → an instance, an idle volume or address)
// hands the request to the list that has the row, once, as its model is made.

import type { PanelNav } from '../panel-nav';
import type { PanelId } from '../panels';

export function takeRequestedRow<M>(
  nav: PanelNav,
  id: PanelId,
  model: M,
  list: (model: M) => { selectWhenLoaded(key: string): void },
): M {
  const request = nav.take(id);
  if (request?.select) list(model).selectWhenLoaded(request.select);
  return model;
}
