import type { Shape } from './namespaces.ts';

/** English strings of one's own profile. */
export const profile: Shape<'profile'> = {
  ui: {
    profile: {
      title: 'My profile',
      infoTitle: 'My information',
      email: 'E-mail address',
      emailHelp: 'To change your e-mail address, contact your local administrator.',
      firstName: 'First name',
      lastName: 'Last name',
      academie: 'Académie',
      departement: 'Département',
      discipline: 'Subject',
      bodyGrade: 'Body and grade',
      bodyGradeHint: 'For example: certified teacher, normal class',
      save: 'Save my information',
      passwordTitle: 'Change password',
      currentPassword: 'Current password',
      newPassword: 'New password',
      newPasswordHint: '12 characters minimum.',
      confirmPassword: 'Confirm the new password',
      changePassword: 'Change the password',
      notificationsTitle: 'My notifications',
      notificationsIntro:
        'Enrolments, session announcements, reminders: choose, for each, the Magistère bell, an e-mail at once, a daily summary or nothing.',
      notificationsLink: 'Choose how to be told',
      passwordChanged: 'Your password has been changed. Your other sessions have been closed.',
    },
  },
};
