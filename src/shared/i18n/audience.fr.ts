/** French strings of the audience feature (pages and errors), under the `audience` key of the catalogue. */
export const audience = {
  title: 'Restreindre aux groupes',
};
