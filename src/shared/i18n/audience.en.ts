import type { Shape } from './namespaces.ts';

/** English strings of who an activity is open to (groups and groupings). */
export const audience: Shape<'audience'> = {
  audience: {
    title: 'Restrict to groups',
    hint: 'Only members of the ticked groups will see the activity, and it will count for them only. With no box ticked, it is open to everyone. Trainers and designers always see it.',
    groups: 'Groups',
    groupings: 'Groupings',
    groupingOf: 'groups: {{names}}',
    emptyGrouping: 'no group',
    members_one: '{{count}} member',
    members_other: '{{count}} members',
    badge: 'Only for: {{names}}',
    badgeNobody: 'Only for deleted groups: nobody sees it',
    notConcerned: 'not concerned',
    legend: 'activity restricted to other groups',
    cell: 'Not concerned: activity restricted to other groups',
  },
};
