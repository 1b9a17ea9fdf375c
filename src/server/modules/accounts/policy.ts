import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const accountCapabilities = defineCapabilities({
  'user:view': {
    roles: ['domain_admin', 'manager'],
    description: 'Consulter les comptes des utilisateurs du domaine',
  },
  'user:manage': {
    roles: ['domain_admin'],
    description: 'Créer, modifier, suspendre et supprimer les comptes du domaine',
  },
  // Trainers too: they decide who enters their session, and the people they enrol from outside the
  // directory would otherwise wait for an administrator. The account gets no role but the enrolment,
  // its owner chooses the password through the mail, and every creation is in the audit log.
  'user:create_local': {
    roles: ['domain_admin', 'manager', 'trainer'],
    description:
      'Créer, en les inscrivant, les comptes locaux des personnes qui n’en ont pas, et les inviter par courriel',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof accountCapabilities, true> {}
}
