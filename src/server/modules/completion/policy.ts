import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const completionCapabilities = defineCapabilities({
  'completion:track': {
    roles: ['participant'],
    description:
      'Être suivi dans un parcours\u00a0: achèvement des activités, barre de progression, marquer une activité comme terminée',
  },
  'completion:override': {
    roles: ['trainer', 'tutor', 'domain_admin'],
    description: 'Modifier l’état d’achèvement d’une activité pour un participant',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof completionCapabilities, true> {}
}
