import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const settingsCapabilities = defineCapabilities({
  'platform:configure': {
    roles: [],
    description: 'Régler la plateforme : hébergeurs de vidéos autorisés…',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof settingsCapabilities, true> {}
}
