/** French strings of who an activity is open to (groups and groupings). */
export const audience = {
  audience: {
    title: 'Restreindre aux groupes',
    hint: 'Seuls les membres des groupes cochés verront l’activité et elle ne comptera que pour eux. Sans case cochée, elle est ouverte à tous. Formateurs et concepteurs la voient toujours.',
    groups: 'Groupes',
    groupings: 'Groupements',
    groupingOf: 'groupes\u00a0: {{names}}',
    emptyGrouping: 'aucun groupe',
    members_one: '{{count}} membre',
    members_other: '{{count}} membres',
    badge: 'Réservé à\u00a0: {{names}}',
    badgeNobody: 'Réservé à des groupes supprimés\u00a0: personne ne la voit',
    notConcerned: 'non concerné',
    legend: 'activité réservée à d’autres groupes',
    cell: 'Non concerné\u00a0: activité réservée à d’autres groupes',
  },
} as const;
