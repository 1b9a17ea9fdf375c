/** French strings of completion of activities and courses. */
export const completion = {
  ui: {
    completion: {
      modes: {
        none: 'Aucun suivi',
        view: 'Terminée quand le participant l’a consultée',
        manual: 'Le participant la marque comme terminée',
        submit: 'Terminée quand le participant a rendu son travail',
        grade: 'Terminée quand le participant obtient la note minimale',
        kind: 'Selon la règle propre à cette activité',
      },
      modesShort: {
        none: 'Aucun suivi',
        view: 'Consultation',
        manual: 'Marquage par le participant',
        submit: 'Remise du travail',
        grade: 'Note minimale',
        kind: 'Règle de l’activité',
      },
      fields: {
        legend: 'Achèvement de l’activité',
        hint: 'Comment cette activité compte dans la progression des participants.',
        passGrade: 'Note minimale pour réussir (sur 100)',
        passGradeHint: 'Par exemple 50.',
        criteriaLink: 'Régler l’achèvement du parcours',
      },
      state: {
        complete: 'Terminé le {{date}}',
        failed: 'Non réussi le {{date}}',
        todo: 'À faire',
        markDone: 'Marquer comme terminé',
        markDoneLabel: 'Marquer comme terminé\u00a0: {{title}}',
        error: 'L’enregistrement a échoué. Réessayez.',
      },
      progress: {
        title: 'Votre progression',
        summary_one: '{{percent}}\u00a0% — {{count}} activité sur {{total}}',
        summary_other: '{{percent}}\u00a0% — {{count}} activités sur {{total}}',
        courseDone: 'Parcours terminé le {{date}}',
        homeLabel: 'Progression dans «\u00a0{{title}}\u00a0»',
      },
      settings: {
        title: 'Achèvement du parcours',
        intro:
          'Choisissez comment chaque activité compte comme terminée, puis ce qu’il faut pour achever le parcours. Changer la condition d’une activité efface les achèvements déjà obtenus avec l’ancienne.',
        activitiesTitle: 'Conditions d’achèvement des activités',
        activitiesEmpty: 'Ce parcours n’a encore aucune activité.',
        conditionOf: 'Condition d’achèvement',
        untracked: 'Non suivi\u00a0: ce type d’élément s’affiche dans la page et ne s’ouvre pas.',
        criteriaTitle: 'Critères d’achèvement du parcours',
        criteriaLegend: 'Le parcours est achevé quand le participant a terminé…',
        criteriaAll: 'toutes les activités suivies',
        criteriaAllHint: 'Toute activité dont la condition n’est pas «\u00a0Aucun suivi\u00a0».',
        criteriaChosen: 'les activités choisies ci-dessous',
        criteriaChosenLegend: 'Activités à terminer',
        criteriaNone:
          'Aucune activité n’est suivie pour le moment\u00a0: choisissez d’abord leurs conditions.',
        criteriaChooseOne: 'Choisissez au moins une activité suivie.',
        trackedCount_one: '{{count}} activité suivie',
        trackedCount_other: '{{count}} activités suivies',
        save: 'Enregistrer l’achèvement',
        saved: 'Les conditions d’achèvement ont été enregistrées.',
        back: 'Retour au parcours',
      },
    },
  },
  errors: {
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
} as const;
