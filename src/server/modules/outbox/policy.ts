import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const outboxCapabilities = defineCapabilities({
  'mail:view': { roles: [], description: 'Lire les courriels envoyés par la plateforme' },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof outboxCapabilities, true> {}
}
