import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const privacyCapabilities = defineCapabilities({
  // Exporting one's data and asking for one's account to be deleted need no capability: every signed-in
  // person may (the routes are `authenticated`). Deciding is the administrators' business.
  'privacy:decide_erasure': {
    roles: ['domain_admin'],
    description:
      'Accepter ou refuser les demandes de suppression de compte des personnes rattachées au domaine',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof privacyCapabilities, true> {}
}
