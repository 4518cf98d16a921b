/**
 * What a backend offers beyond the core contract (`GET /settings`), in a module of its own
 * so the code that asks loads this one schema. `notifications`: the backend sends
 * notification mail, so the forms may offer it and ask for an address. A backend that
 * does not answer this, or a site's own client without `getSettings`, offers no mail: the
 * forms then show no email field, no checkbox and no words about email.
 */
import * as z from 'zod/mini';

export const Settings = z.object({notifications: z.boolean()});

export type Settings = z.infer<typeof Settings>;
