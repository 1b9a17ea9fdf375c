import type { Catalogue } from './fr.ts';
import { ui } from './ui.en.ts';

/** English catalogue — second locale. */
export const en: Catalogue = {
  ui,
  errors: {
    validation: 'The submitted data is not valid.',
    validationField: 'This field is not valid.',
    required: 'This field is required.',
    notFound: 'The requested resource was not found.',
    unauthenticated: 'You must log in to access this page.',
    forbidden: 'You do not have the rights needed for this action.',
    csrf: 'The request was refused for security reasons. Reload the page and try again.',
    crossOrigin: 'Request refused: it does not come from this site.',
    tooManyLoginAttempts: 'Too many login attempts. Please wait a minute before trying again.',
    tooManyRequests: 'Too many requests. Please wait before trying again.',
    badCredentials: 'Wrong e-mail address or password.',
    wrongCurrentPassword: 'The current password is wrong.',
    accountSuspended: 'This account is suspended. Contact your local administrator.',
    resetTokenInvalid: 'This reset link is no longer valid. Ask for a new one.',
    emailTaken: 'An account already exists with this e-mail address.',
    slugTaken: 'A domain already uses this identifier.',
    unknownDomain: 'This domain does not exist.',
    unknownUser: 'This user does not exist.',
    unknownContext: 'This context does not exist.',
    cannotAssignRole: 'You cannot assign this role in this context.',
    roleAlreadyAssigned: 'This role is already assigned to this user in this context.',
    cannotActOnSelf: 'You cannot do this to your own account.',
    payloadTooLarge: 'The submitted content is too large.',
    unsupportedMediaType: 'The format of the submitted content is not accepted.',
    internal: 'An unexpected error occurred. Please try again later.',
    fileTooLarge: 'The file exceeds the maximum allowed size.',
    unsafeUrl: 'This web address is invalid or not allowed.',
    unknownActivityKind: 'This kind of activity does not exist.',
    unknownSection: 'This section does not exist in this course.',
    orderMismatch: 'The order sent must name each section of the course exactly once.',
  },
  mail: {
    signature: 'The Magistère team',
    passwordReset: {
      subject: 'Reset your Magistère password',
      validity: '1 hour',
      body: 'Hello {{name}},\n\nYou asked to reset your Magistère password.\nTo choose a new password, open this link (valid {{validity}}, once):\n\n{{link}}\n\nIf you did not ask for this, ignore this message: your password is unchanged.',
    },
    welcome: {
      subject: 'Your Magistère account was created',
      validity: '7 days',
      body: 'Hello {{name}},\n\nAn account was created for you on Magistère with the address {{email}}.\nTo choose your password, open this link (valid {{validity}}, once):\n\n{{link}}',
    },
  },
};
