import type { Catalogue } from './fr.ts';

export const audience: Catalogue['audience'] = {
  title: 'Restrict to groups',
};
