import type { Catalogue } from './fr.ts';

export const offers: Catalogue['offers'] = {
  title: 'Training offer',
};
