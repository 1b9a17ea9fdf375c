/** "Mon espace", as other parts of the server may use it. */
export { mySpace } from './service.ts';
