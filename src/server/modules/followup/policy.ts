import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const followupCapabilities = defineCapabilities({
  'followup:view': {
    roles: ['trainer', 'tutor', 'designer', 'domain_admin', 'manager', 'observer'],
    description: 'Consulter le suivi des participants d’un parcours, filtrer, exporter',
  },
  'followup:message': {
    roles: ['trainer', 'tutor', 'domain_admin', 'manager'],
    description: 'Écrire aux participants d’un parcours trouvés par le filtre',
  },
  'followup:remind': {
    roles: ['trainer', 'domain_admin', 'manager'],
    description: 'Programmer et envoyer les relances des participants d’une session',
  },
  'followup:attest': {
    roles: ['trainer', 'domain_admin', 'manager'],
    description: 'Attester la participation : liste des participants, achèvement et temps passé',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof followupCapabilities, true> {}
}
