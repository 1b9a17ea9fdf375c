/** The accounts module's public face: what other modules may use. */

export {
  cleanName,
  createLocalAccounts,
  localAdministrators,
  mayCreateLocalAccounts,
  type NewAccount,
  nameFromEmail,
} from './local-accounts.ts';
export { meDescriber, type RolesOf } from './me.ts';
export { people, personMatches } from './people.ts';
export { accountPersonalData } from './personal-data.ts';
export { accountCapabilities } from './policy.ts';
export { findUser, findUsersByIds, type UserRow, userContextId, userNames, usersByEmail } from './service.ts';
