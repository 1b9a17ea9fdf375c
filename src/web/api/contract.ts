/**
 * The shared schemas of the HTTP contract, by module, for the answer pickers of the typed calls (see `Answer`
 * in `client.ts`). Only development builds load this module, to check each answer against its schema;
 * production bundles never import it, so they carry neither the schemas nor zod.
 */

export { z } from 'zod';
export * as api from '../../shared/api.ts';
export * as completion from '../../shared/completion.ts';
export * as deposit from '../../shared/deposit.ts';
export * as enrolment from '../../shared/enrolment.ts';
export * as followup from '../../shared/followup.ts';
export * as home from '../../shared/home.ts';
export * as hub from '../../shared/hub.ts';
export * as lifecycle from '../../shared/lifecycle.ts';
export * as messaging from '../../shared/messaging.ts';
export * as notifications from '../../shared/notifications.ts';
export * as offers from '../../shared/offers.ts';
export * as privacy from '../../shared/privacy.ts';
