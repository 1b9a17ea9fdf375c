import { defineCapabilities } from '../../platform/access/capabilities.ts';

/**
 * The hub's own capability is searching the course offer with its deployment figures; deploying needs
 * `course:create` in the target domain and updating a copy `course:update` on it (courses module).
 */
export const hubCapabilities = defineCapabilities({
  'hub:search': {
    roles: ['designer', 'domain_admin'],
    description: 'Chercher dans le Réseau des concepteurs les parcours à déployer',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof hubCapabilities, true> {}
}
