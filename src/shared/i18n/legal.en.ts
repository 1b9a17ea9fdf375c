import type { Shape } from './namespaces.ts';

/** English strings of the legal pages. */
export const legal: Shape<'legal'> = {
  ui: {
    legal: {
      accessibility: {
        title: 'Accessibility statement',
        status: 'Compliance status',
        statusText:
          'Magistère is not compliant with the French accessibility standard (RGAA): no audit has been carried out yet. We therefore cannot claim it meets the criteria, although we design it to be usable with a keyboard and a screen reader.',
        efforts: 'What we do',
        effortsText:
          'The service uses the State design system (DSFR). Every page is automatically tested with the axe tool during development. A full audit is planned before opening to the public.',
        contact: 'Report a problem',
        contactText:
          'If you cannot access some content or service, contact your local administrator: they will point you to an accessible alternative and pass your report on to the team.',
        remedy: 'Remedies',
        remedyText:
          'If you do not get a satisfactory answer, you can refer the matter to the Défenseur des droits (defenseurdesdroits.fr).',
      },
      notice: {
        title: 'Legal notice',
        publisher: 'Publisher',
        publisherText: 'Ministère de l’Éducation nationale, 110 rue de Grenelle, 75357 Paris SP 07.',
        director: 'Publication director',
        directorText: 'The director of digital services for education.',
        hosting: 'Hosting',
        hostingText: 'The service is hosted by the organisation that runs it, on servers located in France.',
        license: 'Source code',
        licenseText: 'Magistère is free software, published under the EUPL 1.2 licence.',
      },
      data: {
        title: 'Personal data',
        controller: 'Data controller',
        controllerText:
          'The Ministère de l’Éducation nationale is the controller of the data processed on Magistère.',
        purpose: 'Data processed and purposes',
        purposeText:
          'We process your identity (last name, first name, e-mail address), your affiliation (domain, académie, département, subject, body and grade) and your roles, to manage your account and your training. Sensitive actions (logins, changes to accounts and roles) are recorded in a log, with the IP address, for the security of the service.',
        retention: 'Retention period',
        retentionText:
          'A local account without login for three years is warned, then suspended, then deleted.',
        rights: 'Your rights',
        rightsText:
          'You have the right to access, rectify, erase and port your data. You can correct your information on the “My profile” page. On the same page, you can download your data and ask for your account to be deleted, which an administrator of your domain reviews. You can also refer the matter to the CNIL.',
      },
      cookies: {
        title: 'Cookie management',
        text: 'Magistère sets a single, strictly necessary cookie: the session cookie, which keeps you logged in and protects your actions. It is deleted when you log out or when your session expires. It cannot be refused without preventing login, so it does not require your consent.',
        noTracking:
          'No audience measurement, advertising or social network cookie is used, and no third-party service is loaded by your pages.',
        storage:
          'Your browser also keeps two preferences locally, without sending them: the display theme you chose and your working domain.',
      },
    },
  },
};
