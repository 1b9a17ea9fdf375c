/** French strings of the hub feature (pages and errors), under the `hub` key of the catalogue. */
export const hub = {
  title: 'Réseau des concepteurs',
};
