/** The domains module's public face: what other modules may use. */
export { domainContextId, getDomain, toDomain, visibleDomains } from './service.ts';
