/**
 * French catalogue — the reference locale. Keys are grouped by feature; the web app and the server
 * read from the same catalogue. Typography follows the State's rules (non-breaking space before : ; ! ?).
 */
import { audience } from './audience.fr.ts';
import { hub } from './hub.fr.ts';
import { offers } from './offers.fr.ts';
import { ui } from './ui.fr.ts';

export const fr = {
  ui,
  audience,
  hub,
  offers,
  errors: {
    validation: 'Les informations envoyées ne sont pas valides.',
    validationField: 'Ce champ n’est pas valide.',
    required: 'Ce champ est obligatoire.',
    notFound: 'La ressource demandée est introuvable.',
    staleVersion: 'Ce contenu a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
    invalidIfMatch: 'L’en-tête If-Match doit donner la version modifiée, par exemple "3".',
    unauthenticated: 'Vous devez vous connecter pour accéder à cette page.',
    forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
    csrf: 'La requête a été refusée par mesure de sécurité. Rechargez la page et réessayez.',
    crossOrigin: 'Requête refusée : elle ne provient pas de ce site.',
    tooManyLoginAttempts:
      'Trop de tentatives de connexion. Veuillez patienter une minute avant de réessayer.',
    tooManyRequests: 'Trop de requêtes. Veuillez patienter avant de réessayer.',
    badCredentials: 'Adresse électronique ou mot de passe incorrect.',
    wrongCurrentPassword: 'Le mot de passe actuel est incorrect.',
    accountSuspended:
      'Votre compte est suspendu\u00a0: il ne permet plus de se connecter. Pour le faire réactiver, adressez-vous à l’administrateur local de votre domaine ou, à défaut, à l’assistance de votre académie.',
    resetTokenInvalid: 'Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.',
    emailTaken: 'Un compte existe déjà avec cette adresse électronique.',
    slugTaken: 'Un domaine porte déjà cet identifiant.',
    shortNameTaken: 'Ce nom abrégé est déjà celui d’un autre parcours de ce domaine. Choisissez-en un autre.',
    unknownDomain: 'Ce domaine n’existe pas.',
    unknownUser: 'Cet utilisateur n’existe pas.',
    unknownContext: 'Ce contexte n’existe pas.',
    cannotAssignRole: 'Vous ne pouvez pas attribuer ce rôle dans ce contexte.',
    roleAlreadyAssigned: 'Ce rôle est déjà attribué à cet utilisateur dans ce contexte.',
    cannotActOnSelf: 'Vous ne pouvez pas faire cette action sur votre propre compte.',
    payloadTooLarge: 'Le contenu envoyé est trop volumineux.',
    unsupportedMediaType: 'Le format du contenu envoyé n’est pas accepté.',
    internal: 'Une erreur inattendue s’est produite. Réessayez plus tard.',
    fileTooLarge: 'Le fichier dépasse la taille maximale autorisée.',
    unsafeUrl: 'Cette adresse web n’est pas valide ou n’est pas autorisée.',
    /** What the HTTP edge refuses before any route runs. */
    edge: {
      badRequest: 'La requête n’est pas valide.',
      badUrl: 'L’adresse demandée contient un encodage invalide.',
      invalidJson: 'Le contenu envoyé n’est pas un JSON valide.',
      nulCharacter: 'Le texte envoyé contient un caractère nul (U+0000), qui n’est pas accepté.',
      metricsToken: 'Jeton d’accès aux métriques absent ou incorrect.',
    },
    archiveMissing: 'Joignez l’archive du parcours (fichier .zip).',
    archiveInvalid: 'L’archive n’a pas pu être importée. Rien n’a été enregistré.',
    archive: {
      unreadable: 'Ce fichier n’est pas une archive zip lisible.',
      tooManyEntries: 'L’archive contient plus de {{max}} entrées.',
      forbiddenPath: 'Chemin interdit dans l’archive.',
      tooLarge: 'L’archive décompressée dépasse la taille autorisée.',
      ratio: 'Taux de compression anormal : l’archive est refusée par sécurité.',
      noManifest: 'Le fichier manifest.json est absent.',
      manifestTooLarge: 'Le manifeste est trop volumineux.',
      badJson: 'Le manifeste n’est pas un JSON valide.',
      unknownKind: 'Type d’activité inconnu : {{kind}}.',
      missingFile: 'Fichier annoncé par le manifeste mais absent de l’archive.',
      unexpectedEntry: 'Entrée inattendue dans l’archive.',
      hashMismatch: 'Le contenu du fichier ne correspond pas à son empreinte.',
      damagedFile: 'Ce fichier de l’archive est illisible\u00a0: ses données sont endommagées.',
      thumbnail: 'La vignette doit être une image JPEG, PNG ou WebP de 2\u00a0Mo au plus.',
      kindData: 'Les données propres à cette activité ne sont pas lisibles par son type.',
    },
    unknownActivityKind: 'Ce type d’activité n’existe pas.',
    unknownSection: 'Cette section n’existe pas dans ce parcours.',
    orderMismatch: 'L’ordre envoyé doit citer chaque section du parcours une fois et une seule.',
    fileRequired: 'Aucun fichier n’a été envoyé.',
    imageTypeRefused: 'Seules les images PNG, JPEG, GIF ou WebP sont acceptées.',
    thumbnailTypeRefused: 'La vignette doit être une image JPEG, PNG ou WebP.',
    videoTypeRefused: 'Seules les vidéos MP4 ou WebM sont acceptées.',
    videoHttpsRequired: 'L’adresse de la vidéo doit commencer par https://.',
    videoUrlUnrecognised: 'Cette adresse n’est pas celle d’une vidéo PeerTube ou Pod.',
    videoHostNotAllowed:
      'Cet hébergeur de vidéos n’est pas autorisé sur la plateforme. Demandez à un administrateur de l’ajouter.',
    invalidHostname: 'Ce nom d’hôte n’est pas valide (exemple : podeduc.apps.education.fr).',
    followup: {
      progressRange: 'La progression minimale doit être inférieure à la progression maximale.',
      dateRange: 'La date «\u00a0depuis le\u00a0» doit précéder la date «\u00a0avant le\u00a0».',
      doneAndNotDone: 'Une même activité ne peut pas être à la fois achevée et non achevée.',
      unknownGroup: 'Ce groupe n’existe pas dans ce parcours.',
      unknownActivity: 'Cette activité n’est pas suivie dans ce parcours.',
      unknownParticipant: 'Cette personne n’est pas inscrite comme participant de ce parcours.',
      noRecipients: 'Aucun participant ne correspond à ce filtre\u00a0: rien n’a été envoyé.',
      filterNameTaken: 'Vous avez déjà un filtre enregistré sous ce nom dans ce parcours.',
      reminderSent: 'Cette relance est déjà partie\u00a0: elle ne peut plus être modifiée ni supprimée.',
      belowProgressOnlyBehind:
        'Le seuil de progression ne concerne que les relances des participants en retard.',
      emptyUpdate: 'Indiquez au moins une modification.',
    },
    enrolment: {
      nothingToChange: 'Aucune modification n’a été envoyée.',
      closedTrash:
        'Les inscriptions sont fermées\u00a0: ce parcours est dans la corbeille. Restaurez-le pour inscrire ou désinscrire des personnes.',
      closedArchived:
        'Les inscriptions sont fermées\u00a0: cette session est archivée. Rouvrez-la pour inscrire ou désinscrire des personnes.',
      nobody: 'Choisissez au moins une personne à inscrire.',
      nothingToEnrol: 'Aucune adresse électronique à inscrire n’a été trouvée.',
      tooManyEntries: 'Une inscription en masse est limitée à {{max}} lignes. Découpez votre liste.',
      reportHasErrors:
        'Rien n’a été inscrit\u00a0: le rapport contient des erreurs. Corrigez les lignes signalées puis recommencez.',
      notEnrolled: 'Cette personne n’est pas (ou plus) inscrite dans ce parcours.',
      unknownCohort: 'Cette cohorte n’existe pas dans le domaine du parcours.',
      accountCreationForbidden:
        'Vous ne pouvez pas créer de comptes dans ce domaine. Demandez à l’administrateur local de votre domaine de les créer.',
      csvMissing: 'Joignez le fichier CSV des inscriptions.',
      csvEmpty: 'Le fichier ne contient aucune ligne à inscrire.',
      csvUnreadable:
        'Le fichier CSV est mal formé (guillemets non refermés\u00a0?) près de la ligne {{line}}.',
      csvNoEmailColumn:
        'La ligne d’en-tête ne contient pas de colonne «\u00a0courriel\u00a0» (ou «\u00a0email\u00a0»).',
      csvTooManyRows: 'Le fichier dépasse {{max}} lignes. Découpez-le en plusieurs fichiers.',
      alreadyEnrolled: 'Vous êtes déjà inscrit ou inscrite dans cette session.',
      sessionNotRunning: 'Cette session n’est pas ouverte aux inscriptions.',
      selfEnrolmentOff:
        'Cette session n’est pas ouverte à l’auto-inscription. Demandez à son formateur ou à sa formatrice de vous inscrire.',
      sessionFull: 'Cette session est complète\u00a0: toutes les places ont été prises.',
      selfUnenrolRefused:
        'Vous avez été inscrit ou inscrite par l’équipe de formation\u00a0: demandez-lui de vous désinscrire.',
      groupNameTaken: 'Un groupe porte déjà ce nom dans ce parcours.',
      groupingNameTaken: 'Un groupement porte déjà ce nom dans ce parcours.',
      memberNotEnrolled: 'Seules les personnes inscrites dans le parcours peuvent rejoindre un groupe.',
      unknownGroup: 'Ce groupe n’existe pas dans ce parcours.',
      unknownGrouping: 'Ce groupement n’existe pas dans ce parcours.',
      emptyAudience: 'Choisissez au moins un groupe ou un groupement, ou ouvrez l’activité à tous.',
    },
    cohorts: {
      nameTaken: 'Une cohorte porte déjà ce nom dans ce domaine.',
      nothingToAdd: 'Saisissez au moins une adresse électronique.',
      membersInvalid: 'Personne n’a été ajouté\u00a0: certaines adresses sont invalides ou inconnues.',
      invalidEmail:
        'Ligne {{line}}\u00a0: «\u00a0{{email}}\u00a0» n’est pas une adresse électronique valide.',
      unknownEmail: 'Ligne {{line}}\u00a0: aucun compte n’utilise l’adresse {{email}}.',
    },
    completion: {
      modeUnsupported: 'Ce type d’activité ne permet pas cette condition d’achèvement.',
      criteriaInvalid: 'Les critères d’achèvement du parcours ne sont pas valides.',
      criteriaNotTracked:
        'Cette activité n’a pas de condition d’achèvement\u00a0: elle ne peut pas compter pour achever le parcours.',
      notManual: 'Cette activité ne se marque pas comme terminée à la main.',
      notTracked: 'Cette activité n’a pas de condition d’achèvement.',
      failedNeedsGrade: 'Seule une activité notée peut être marquée comme échouée.',
      notParticipant: 'Cette personne ne suit pas ce parcours en tant que participant.',
    },
  },
  workflow: {
    stages: {
      template: 'Gabarit',
      construction: 'Parcours en construction',
      session_preparation: 'Session en préparation',
      session_running: 'Session en cours',
      session_archived: 'Session archivée',
      trash: 'Corbeille',
    },
    errors: {
      wrongStage: 'Cette action n’est pas possible à cette étape du parcours.',
      blocked: 'Cette action n’est pas encore possible : il manque des informations.',
      notATemplate: 'Ce parcours n’est pas un gabarit.',
      notASession: 'Ce parcours n’est pas une session.',
      invalidGaia: 'Un identifiant GAIA ne contient que des lettres, des chiffres, « - » et « _ ».',
      invalidTime: 'Saisissez une heure au format 09:30.',
      endTimeBeforeStart: 'L’heure de fin doit être postérieure à l’heure de début.',
      dayOutsideSession: 'Cette journée doit se trouver entre les dates de début et de fin de la session.',
    },
    blockers: {
      forbidden: 'Vous n’avez pas le droit de faire cette action.',
      missingField: 'Renseignez le champ « {{field}} ».',
      endBeforeStart: 'La date de fin doit être postérieure à la date de début.',
      noParticipants: 'Inscrivez au moins un participant avant d’annoncer la session.',
      archiveFirst: 'Archivez la session avant de la mettre à la corbeille.',
    },
    fields: {
      metadata: {
        collection: 'Collection',
        publics: 'Publics',
        objectives: 'Objectifs',
        origin: 'Origine',
      },
      session: { startsAt: 'Date de début', endsAt: 'Date de fin' },
    },
    mail: {
      dates: 'La session se déroule du {{start}} au {{end}}.',
      announce:
        'Bonjour {{name}},\n\nVous êtes inscrit(e) à la session « {{title}} ».\n{{dates}}\n\n{{message}}\n\nAccéder à la session : {{link}}',
    },
  },
  mail: {
    signature: 'L’équipe Magistère',
    passwordReset: {
      subject: 'Réinitialisation de votre mot de passe Magistère',
      validity: '30 minutes',
      body: 'Bonjour {{name}},\n\nVous avez demandé la réinitialisation de votre mot de passe sur Magistère.\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable {{validity}}, une seule fois) :\n\n{{link}}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    },
    welcome: {
      subject: 'Votre compte Magistère a été créé',
      validity: '7 jours',
      body: 'Bonjour {{name}},\n\nUn compte a été créé pour vous sur Magistère avec l’adresse {{email}}.\nPour choisir votre mot de passe, ouvrez ce lien (valable {{validity}}, une seule fois) :\n\n{{link}}',
    },
    enrolment: {
      subject: 'Inscription à la session «\u00a0{{title}}\u00a0»',
      body: 'Bonjour {{name}},\n\nVous êtes inscrit(e) comme {{roles}} à la session «\u00a0{{title}}\u00a0» sur Magistère.\n{{dates}}\n\nAccéder à la session\u00a0: {{link}}',
      dates: 'La session se déroule du {{start}} au {{end}}.',
      noDates: 'Les dates de la session vous seront précisées par l’équipe de formation.',
      roles: {
        participant: 'participant(e)',
        trainer: 'formateur ou formatrice',
        tutor: 'tuteur ou tutrice',
      },
      and: ' et ',
      newAccount:
        'Un compte Magistère vient d’être créé pour vous\u00a0: un autre courriel vous invite à choisir votre mot de passe.',
    },
    followup: {
      message:
        'Bonjour {{name}},\n\n{{message}}\n\n{{sender}}, pour le parcours «\u00a0{{course}}\u00a0»\n{{link}}',
      reminder:
        'Bonjour {{name}},\n\n{{message}}\n\nPour reprendre le parcours «\u00a0{{course}}\u00a0»\u00a0:\n{{link}}\n\n{{signature}}',
    },
  },
  /** Server-made files of the follow-up (exports). */
  followup: {
    sheets: { grid: 'Suivi', attendance: 'Participation' },
    columns: {
      lastName: 'Nom',
      firstName: 'Prénom',
      email: 'Adresse électronique',
      roles: 'Rôle',
      groups: 'Groupes',
      academie: 'Académie',
      departement: 'Département',
      discipline: 'Discipline',
      progress: 'Progression (%)',
      completed: 'Activités achevées',
      courseCompletedAt: 'Parcours achevé le',
      firstAccess: 'Premier accès',
      lastAccess: 'Dernier accès',
      timeSpent: 'Temps passé',
      minutes: 'Temps passé (minutes)',
    },
    cell: { failed: 'non réussi' },
    roles: { participant: 'Participant', trainer: 'Formateur', tutor: 'Tuteur' },
  },
} as const;

/** The shape every other locale must follow. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof fr>;
