/** The settings module's public face: what other modules may use. */
export { videoHosts } from './service.ts';
