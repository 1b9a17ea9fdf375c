/** The domains module's public face: what other modules may use. */
export {
  type DomainRow,
  domainContextId,
  domainsByIds,
  domainsBySlugs,
  getDomain,
  toDomain,
  visibleDomains,
} from './service.ts';
