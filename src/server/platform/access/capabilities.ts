import type { Role } from '../../../shared/roles.ts';

export type CapabilityDefinition = {
  /** Roles that hold the capability by default, wherever they are assigned. `admin` holds every capability. */
  roles: readonly Role[];
  description: string;
};

const registry = new Map<string, CapabilityDefinition>();

/** Modules declare their capabilities (in their policy.ts) with the roles that hold them by default. */
export function defineCapabilities<const T extends Record<string, CapabilityDefinition>>(definitions: T) {
  for (const [name, definition] of Object.entries(definitions)) {
    if (registry.has(name)) throw new Error(`capability ${name} declared twice`);
    registry.set(name, definition);
  }
  return Object.fromEntries(Object.keys(definitions).map((name) => [name, name])) as { [K in keyof T]: K };
}

export function capabilityRoles(capability: string): readonly Role[] {
  const definition = registry.get(capability);
  if (!definition) throw new Error(`unknown capability ${capability}`);
  return definition.roles;
}

export function allCapabilities(): string[] {
  return [...registry.keys()];
}

/** Whether a role holds a capability (admin holds them all). */
export function roleHas(role: string, capability: string): boolean {
  return role === 'admin' || capabilityRoles(capability).includes(role as Role);
}
