import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const roleCapabilities = defineCapabilities({
  'role:assign': {
    roles: ['domain_admin'],
    description: 'Attribuer et retirer des rôles dans un contexte',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof roleCapabilities, true> {}
}
