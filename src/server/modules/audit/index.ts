/** The audit module's public face: what other modules may use. */
export { auditPersonalData } from './personal-data.ts';
