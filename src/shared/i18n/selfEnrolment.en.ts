import type { Shape } from './namespaces.ts';

/** English strings of enrolling oneself in a session. */
export const selfEnrolment: Shape<'selfEnrolment'> = {
  ui: {
    selfEnrolment: {
      enrol: 'Enrol in this session',
      enrolled: 'You are enrolled in this session.',
      justEnrolled: 'Your enrolment is recorded. Enjoy the training!',
      seatsLeft_one: '{{n}} seat left.',
      seatsLeft_other: '{{n}} seats left.',
      unenrol: 'Unenrol me',
      unenrolTitle: 'Unenrol from this session?',
      unenrolText: 'You will no longer have access to the session. What you did is kept if you enrol again.',
      unenrolConfirm: 'Unenrol me',
      unenrolled: 'You are unenrolled from this session.',
      full: 'This session is full.',
      doorIntro: 'This session is open for enrolment. Enrol to reach its content and follow your progress.',
    },
  },
};
