/**
 * French catalogue — the reference locale. Keys are grouped by feature; the web app and the server
 * read from the same catalogue. Typography follows the State's rules (non-breaking space before : ; ! ?).
 */
import { ui } from './ui.fr.ts';

export const fr = {
  ui,
  errors: {
    validation: 'Les informations envoyées ne sont pas valides.',
    validationField: 'Ce champ n’est pas valide.',
    required: 'Ce champ est obligatoire.',
    notFound: 'La ressource demandée est introuvable.',
    unauthenticated: 'Vous devez vous connecter pour accéder à cette page.',
    forbidden: 'Vous n’avez pas les droits nécessaires pour cette action.',
    csrf: 'La requête a été refusée par mesure de sécurité. Rechargez la page et réessayez.',
    crossOrigin: 'Requête refusée : elle ne provient pas de ce site.',
    tooManyLoginAttempts:
      'Trop de tentatives de connexion. Veuillez patienter une minute avant de réessayer.',
    tooManyRequests: 'Trop de requêtes. Veuillez patienter avant de réessayer.',
    badCredentials: 'Adresse électronique ou mot de passe incorrect.',
    wrongCurrentPassword: 'Le mot de passe actuel est incorrect.',
    accountSuspended: 'Ce compte est suspendu. Contactez votre administrateur local.',
    resetTokenInvalid: 'Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.',
    emailTaken: 'Un compte existe déjà avec cette adresse électronique.',
    slugTaken: 'Un domaine porte déjà cet identifiant.',
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
    },
    unknownActivityKind: 'Ce type d’activité n’existe pas.',
    unknownSection: 'Cette section n’existe pas dans ce parcours.',
    orderMismatch: 'L’ordre envoyé doit citer chaque section du parcours une fois et une seule.',
    fileRequired: 'Aucun fichier n’a été envoyé.',
    imageTypeRefused: 'Seules les images PNG, JPEG, GIF ou WebP sont acceptées.',
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
  },
  mail: {
    signature: 'L’équipe Magistère',
    passwordReset: {
      subject: 'Réinitialisation de votre mot de passe Magistère',
      validity: '1 heure',
      body: 'Bonjour {{name}},\n\nVous avez demandé la réinitialisation de votre mot de passe sur Magistère.\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable {{validity}}, une seule fois) :\n\n{{link}}\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    },
    welcome: {
      subject: 'Votre compte Magistère a été créé',
      validity: '7 jours',
      body: 'Bonjour {{name}},\n\nUn compte a été créé pour vous sur Magistère avec l’adresse {{email}}.\nPour choisir votre mot de passe, ouvrez ce lien (valable {{validity}}, une seule fois) :\n\n{{link}}',
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
