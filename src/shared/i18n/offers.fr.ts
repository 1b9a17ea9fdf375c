/** French strings of the offers feature (pages and errors), under the `offers` key of the catalogue. */
export const offers = {
  title: 'Offre de formation',
};
