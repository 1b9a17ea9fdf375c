import type { Role } from '../../../shared/roles.ts';

export type CapabilityDefinition = {
  /** Roles that hold the capability by default, wherever they are assigned. `admin` holds every capability. */
  roles: readonly Role[];
  description: string;
};

/**
 * The name of every capability a module declares. Each policy.ts adds its own names to this interface
 * (declaration merging, see `declareCapabilityNames` below), so a misspelt capability fails typecheck.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' policy.ts through declaration merging
export interface CapabilityNames {}
export type Capability = keyof CapabilityNames & string;

const registry = new Map<string, CapabilityDefinition>();

/** Modules declare their capabilities (in their policy.ts) with the roles that hold them by default. */
export function defineCapabilities<const T extends Record<string, CapabilityDefinition>>(definitions: T) {
  for (const [name, definition] of Object.entries(definitions)) {
    if (registry.has(name)) throw new Error(`capability ${name} declared twice`);
    registry.set(name, definition);
  }
  return Object.fromEntries(Object.keys(definitions).map((name) => [name, name])) as { [K in keyof T]: K };
}

export function capabilityRoles(capability: Capability): readonly Role[] {
  const definition = registry.get(capability);
  if (!definition) throw new Error(`unknown capability ${capability}`);
  return definition.roles;
}

export function allCapabilities(): Capability[] {
  return [...registry.keys()] as Capability[];
}

/** Whether a role holds a capability (admin holds them all). */
export function roleHas(role: string, capability: Capability): boolean {
  return role === 'admin' || capabilityRoles(capability).includes(role as Role);
}
