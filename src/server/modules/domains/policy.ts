import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const domainCapabilities = defineCapabilities({
  'domain:manage': { roles: [], description: 'Créer et modifier les domaines de la plateforme' },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof domainCapabilities, true> {}
}
