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
});
