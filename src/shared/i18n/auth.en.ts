import type { Shape } from './namespaces.ts';

/** English strings of signing in, the forgotten password and its reset. */
export const auth: Shape<'auth'> = {
  ui: {
    auth: {
      login: {
        title: 'Log in',
        heading: 'Log in to Magistère',
        intro: 'Log in with the e-mail address and password of your Magistère account.',
        email: 'E-mail address',
        emailHint: 'Expected format: name@domain.fr',
        password: 'Password',
        submit: 'Log in',
        submitting: 'Logging in…',
        forgot: 'Forgot your password?',
        sessionExpired: 'Log in to access this page.',
        signedOut: 'You are logged out.',
        suspendedTitle: 'Account suspended',
        suspendedDomain: 'Your account’s domain: {{domain}}.',
      },
      forgot: {
        title: 'Forgotten password',
        intro: 'Enter the e-mail address of your account. You will receive a link to choose a new password.',
        submit: 'Send me a link',
        sentTitle: 'Request recorded',
        sent: 'If an account exists with the address {{email}}, an e-mail with a reset link has just been sent to it. The link is valid for a short time and works once. Remember to check your spam folder.',
        backToLogin: 'Back to log in',
      },
      reset: {
        title: 'Choose a new password',
        intro: 'Choose a password of at least 12 characters that you do not use anywhere else.',
        password: 'New password',
        passwordHint: '12 characters minimum.',
        confirm: 'Confirm the new password',
        submit: 'Save the password',
        missingToken:
          'This link is incomplete. Open the link received by e-mail as is, or ask for a new link.',
        askNewLink: 'Ask for a new link',
        checking: 'Checking the link…',
        doneTitle: 'Password saved',
        done: 'Your new password is saved and all your open sessions have been closed. You can now log in.',
        goToLogin: 'Log in',
      },
    },
  },
  errors: {
    resetTokenInvalid: 'This reset link is no longer valid. Ask for a new one.',
  },
};
