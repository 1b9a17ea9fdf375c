import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const offerCapabilities = defineCapabilities({
  'offer:publish': {
    roles: ['designer', 'domain_admin', 'manager'],
    description: 'Publier un parcours ou une session dans l’offre, mettre à jour ou retirer la publication',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof offerCapabilities, true> {}
}
