import type { Shape } from './namespaces.ts';

/** English strings of "Mon espace". */
export const home: Shape<'home'> = {
  ui: {
    home: {
      title: 'My space',
      greeting: 'Hello {{firstName}}',
      offerLink: 'Browse the training offer',
      courses: {
        title: 'My courses',
        empty: 'You are not enrolled in any session yet.',
        next: 'Choose a training in the offer and enrol, or ask your trainer to enrol you: the session will appear here.',
      },
      trainings: {
        title: 'My sessions',
        empty: 'You do not lead or tutor any session yet.',
        next: 'The sessions you train or tutor will appear here once you are enrolled in them.',
      },
      designs: {
        title: 'My designs',
        empty: 'You do not design any course yet.',
        next: 'The templates and courses you design will appear here.',
        nextCreate: 'Create your first course: it will appear here.',
      },
      others: {
        emptyTitle: 'Courses and sessions of your domains',
        empty: 'Your domains have no course or session yet.',
        next: 'They will appear here as soon as a designer creates them or deploys them from the designers’ network.',
        title: 'Other courses and sessions of your domains ({{count}})',
        intro: 'Those your roles let you open without holding a role in them yourself.',
      },
      card: {
        start: 'Start',
        resume: 'Continue',
        review: 'Review',
        startLabel: 'Start “{{course}}”',
        resumeLabel: 'Continue “{{course}}”',
        reviewLabel: 'Review “{{course}}”',
        next: 'Next activity: {{title}}',
        allDone: 'You have done every activity.',
        notOpen: 'You can open it when the session starts.',
        dates: 'From {{start}} to {{end}}',
        from: 'From {{start}}',
        until: 'Until {{end}}',
        followup: 'Follow-up',
        followupLabel: 'Follow-up of “{{course}}”',
        participants: 'Participants',
        participantsLabel: 'Participants of “{{course}}”',
        edit: 'Edit',
        editLabel: 'Edit “{{course}}”',
        lifecycle: 'Life cycle',
        lifecycleLabel: 'Life cycle of “{{course}}”',
      },
      roles: {
        title: 'My roles',
        intro: 'Your roles determine what you can do on the platform.',
        empty:
          'No role is assigned to you yet. Contact your local administrator if you think this is a mistake.',
        item: '{{role}} — {{scope}}',
      },
    },
  },
};
