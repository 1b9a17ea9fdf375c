import type { Shape } from './namespaces.ts';

/** English strings of completion of activities and courses. */
export const completion: Shape<'completion'> = {
  ui: {
    completion: {
      modes: {
        none: 'Not tracked',
        view: 'Done when the participant has opened it',
        manual: 'The participant marks it as done',
        submit: 'Done when the participant has handed in their work',
        grade: 'Done when the participant reaches the pass grade',
        kind: 'By the activity’s own rule',
      },
      modesShort: {
        none: 'Not tracked',
        view: 'Opened',
        manual: 'Marked by the participant',
        submit: 'Work handed in',
        grade: 'Pass grade',
        kind: 'Activity’s rule',
      },
      fields: {
        legend: 'Activity completion',
        hint: 'How this activity counts in the participants’ progress.',
        passGrade: 'Pass grade (out of 100)',
        passGradeHint: 'For example 50.',
        criteriaLink: 'Set the course completion',
      },
      state: {
        complete: 'Done on {{date}}',
        failed: 'Not passed on {{date}}',
        todo: 'To do',
        markDone: 'Mark as done',
        markDoneLabel: 'Mark as done: {{title}}',
        error: 'Saving failed. Try again.',
      },
      progress: {
        title: 'Your progress',
        summary_one: '{{percent}} % — {{count}} activity out of {{total}}',
        summary_other: '{{percent}} % — {{count}} activities out of {{total}}',
        courseDone: 'Course completed on {{date}}',
        homeLabel: 'Progress in “{{title}}”',
      },
      settings: {
        title: 'Course completion',
        intro:
          'Choose how each activity counts as done, then what completing the course takes. Changing an activity’s condition erases the completions obtained under the previous one.',
        activitiesTitle: 'Activity completion conditions',
        activitiesEmpty: 'This course has no activity yet.',
        conditionOf: 'Completion condition',
        untracked: 'Not tracked: this kind of item is shown in the page and never opened.',
        criteriaTitle: 'Course completion criteria',
        criteriaLegend: 'The course is completed when the participant has done…',
        criteriaAll: 'every tracked activity',
        criteriaAllHint: 'Any activity whose condition is not “Not tracked”.',
        criteriaChosen: 'the activities chosen below',
        criteriaChosenLegend: 'Activities to do',
        criteriaNone: 'No activity is tracked yet: choose their conditions first.',
        criteriaChooseOne: 'Choose at least one tracked activity.',
        trackedCount_one: '{{count}} tracked activity',
        trackedCount_other: '{{count}} tracked activities',
        save: 'Save completion',
        saved: 'The completion conditions have been saved.',
        back: 'Back to the course',
      },
    },
  },
  errors: {
    completion: {
      modeUnsupported: 'This kind of activity does not allow this completion condition.',
      criteriaInvalid: 'The course completion criteria are not valid.',
      criteriaNotTracked: 'This activity has no completion condition: it cannot count towards the course.',
      notManual: 'This activity is not marked as done by hand.',
      notTracked: 'This activity has no completion condition.',
      failedNeedsGrade: 'Only a graded activity can be marked as failed.',
      notParticipant: 'This person does not take this course as a participant.',
    },
  },
};
