import type { Catalogue } from './fr.ts';

export const hub: Catalogue['hub'] = {
  title: 'Designers’ network',
};
