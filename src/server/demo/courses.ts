/**
 * Demo courses, written as course-archive manifests so they go through the same checks as an import:
 * three courses from the training offer of the seed newsletters, and a template to start new ones from.
 */
import type { CourseMetadata, Stage } from '../../shared/lifecycle.ts';
import type { Manifest } from '../modules/courses/archive.ts';
import { type DemoFile, handouts, memoPdf, sha256 } from './files.ts';
import { demoThumbnail } from './thumbnail.ts';

type Activity = Manifest['sections'][number]['activities'][number];
const activity = (kind: string, title: string, settings: Record<string, unknown>): Activity => ({
  kind,
  title,
  settings,
  visibility: 'visible',
  availableFrom: null,
  // Everything a participant opens counts towards progress; labels are read in place.
  completion: kind === 'label' ? { mode: 'none' } : { mode: 'view' },
  files: [],
});
const label = (style: string, title: string, html: string) =>
  activity('label', title, { style, content: html });
const page = (title: string, html: string) => activity('page', title, { content: html });
const link = (title: string, url: string) => activity('url', title, { url, newWindow: true });
const described = (file: DemoFile) => ({
  sha256: sha256(file.content),
  filename: file.filename,
  mime: file.mime,
  size: file.content.length,
});
const withFiles = (a: Activity, files: DemoFile[]): Activity => ({ ...a, files: files.map(described) });
const section = (title: string, description: string, activities: Activity[]) => ({
  title,
  description,
  visibility: 'visible' as const,
  activities,
});
const course = (
  title: string,
  shortName: string,
  summary: string,
  thumbnail: DemoFile,
  sections: Manifest['sections'],
  metadata: CourseMetadata = {},
): Manifest => ({
  format: 'magistere-course',
  version: 1,
  course: {
    title,
    shortName,
    summary,
    format: 'topics',
    visibility: 'visible',
    thumbnail: described(thumbnail),
    metadata,
  },
  files: [],
  sections,
});

export type DemoCourse = { domain: string; stage?: Stage; manifest: Manifest };

/** The demo courses and the files they use (content by SHA-256). */
export async function demoCourses(): Promise<{ courses: DemoCourse[]; files: Map<string, Buffer> }> {
  const memo = await memoPdf();
  // One card image per course, in colours of the DSFR palette.
  const thumbnails = {
    memory: demoThumbnail('#000091', '#6a6af4'),
    firstPost: demoThumbnail('#009081', '#c3fad5'),
    microGestures: demoThumbnail('#ce614a', '#fddfd8'),
    template: demoThumbnail('#3a3a3a', '#cecece'),
  };
  const files = new Map(
    [memo, ...handouts, ...Object.values(thumbnails)].map((f) => [sha256(f.content), f.content]),
  );
  const courses: DemoCourse[] = [
    {
      domain: 'ac-aix-marseille',
      manifest: course(
        'Pédagogie efficace de la mémoire aux cycles 3 et 4',
        'MEMOIRE-C34',
        '<p>Sensibiliser et former les acteurs de l’éducation aux mécanismes de la mémoire, et s’approprier des modalités pédagogiques adaptées au fonctionnement cognitif. Autoformation, 4 heures.</p>',
        thumbnails.memory,
        [
          section(
            'Présentation',
            '<p>Public : enseignants, personnels de direction, corps d’inspection.</p>',
            [
              label(
                'objective',
                'Objectifs du parcours',
                '<ul><li>Comprendre comment la mémoire encode, stocke et récupère les savoirs.</li><li>Mettre en œuvre la récupération active et la répétition espacée en classe.</li></ul>',
              ),
              label(
                'instruction',
                'Comment suivre ce parcours',
                '<p>Suivez les séances dans l’ordre ; chacune dure environ une heure. Vous pouvez vous arrêter et reprendre où vous en étiez.</p>',
              ),
            ],
          ),
          section('Séance 1 — Les mécanismes de la mémoire', '<p>Ce que la recherche nous apprend.</p>', [
            page(
              'Mémoire de travail et mémoire à long terme',
              '<h2>Deux mémoires qui coopèrent</h2><p>La <strong>mémoire de travail</strong> est limitée : quelques éléments à la fois. La <strong>mémoire à long terme</strong> est vaste, mais il faut y <em>ranger</em> et <em>retrouver</em> les savoirs.</p><ul><li>Encoder : donner du sens.</li><li>Consolider : revenir sur les notions.</li><li>Récupérer : se tester.</li></ul>',
            ),
            label(
              'key_point',
              'Point clé',
              '<p>Se tester est plus efficace que relire : c’est l’effet de test.</p>',
            ),
            link(
              'Conseil scientifique de l’éducation nationale',
              'https://www.reseau-canope.fr/conseil-scientifique-de-leducation-nationale-csen.html',
            ),
          ]),
          section('Séance 2 — En classe', '<p>Des gestes simples, réguliers.</p>', [
            page(
              'La répétition espacée',
              '<p>Reprendre une notion <strong>le lendemain</strong>, <strong>une semaine</strong> puis <strong>un mois</strong> plus tard ancre durablement les apprentissages.</p>',
            ),
            label('remember', 'À retenir', '<p>Récupérer, espacer, varier : trois leviers à combiner.</p>'),
            withFiles(activity('file', 'Fiche mémo à imprimer', {}), [memo]),
            withFiles(activity('folder', 'Documents de la séance', {}), handouts),
            activity('video', 'Vidéo — la mémoire en classe', {
              source: 'embed',
              url: 'https://tube-numerique-educatif.apps.education.fr/w/9c9de5e8-0a1b-484f-a7ae-3d7d7b2a1a2f',
            }),
          ]),
        ],
        {
          collection: 'autoformation',
          publics: ['enseignants_1d', 'enseignants_2d', 'formateurs'],
          objectives:
            '<p>Comprendre les mécanismes de la mémoire et de l’attention ; concevoir des séances qui favorisent la récupération, l’espacement et la variation.</p>',
          durationOnSite: 0,
          durationRemote: 240,
          rhythm: 'À son rythme, en quatre séquences d’une heure',
          keywords: ['mémoire', 'sciences cognitives', 'cycle 3', 'cycle 4'],
          origin: 'national',
          authors: 'Conseil scientifique de l’Éducation nationale ; IFÉ',
          validatedBy: 'DGESCO',
          version: '2.1',
          releaseNotes: 'Nouvelle vidéo de la séance 2 ; fiche mémo mise à jour.',
        },
      ),
    },
    {
      domain: 'ac-aix-marseille',
      manifest: course(
        'Enseigner dans le premier degré, accompagnement à la prise de poste',
        'PRISE-POSTE-1D',
        '<p>Un accompagnement des professeurs des écoles nouvellement nommés : préparer la rentrée, organiser la classe, travailler en équipe.</p>',
        thumbnails.firstPost,
        [
          section('Présentation', '', [
            label('objective', 'Objectifs', '<p>Préparer sereinement ses premières semaines de classe.</p>'),
          ]),
          section('Préparer la rentrée', '<p>Les premiers jours comptent.</p>', [
            page(
              'Check-list de rentrée',
              '<ol><li>Rencontrer l’équipe et la direction.</li><li>Préparer l’emploi du temps et les programmations.</li><li>Aménager la classe.</li><li>Préparer la réunion avec les familles.</li></ol>',
            ),
            label(
              'warning',
              'Attention',
              '<p>Pensez au projet d’accueil individualisé (PAI) des élèves concernés dès le premier jour.</p>',
            ),
            link('Éduscol — programmes de l’école primaire', 'https://eduscol.education.fr/'),
          ]),
          section('Travailler en équipe', '', [
            page(
              'Le conseil des maîtres',
              '<p>Le conseil des maîtres organise la vie pédagogique de l’école. Vous y préparez les projets et la continuité des apprentissages.</p>',
            ),
            label(
              'resource',
              'Ressource',
              '<p>Le référentiel des compétences professionnelles des métiers du professorat et de l’éducation.</p>',
            ),
          ]),
        ],
        {
          collection: 'formation',
          publics: ['enseignants_1d'],
          objectives:
            '<p>Préparer sa première rentrée, organiser la classe et s’appuyer sur l’équipe et les ressources de la circonscription.</p>',
          durationOnSite: 360,
          durationRemote: 180,
          rhythm: 'Trois regroupements et des séquences à distance entre septembre et décembre',
          keywords: ['néo-titulaire', 'premier degré', 'gestion de classe'],
          origin: 'academie',
          authors: 'Équipe de circonscription d’Aix-Marseille',
          version: '1.0',
        },
      ),
    },
    {
      domain: 'ac-aix-marseille',
      manifest: course(
        'Les micro-gestes en situation d’enseignement',
        'MICRO-GESTES',
        '<p>Observer et analyser les micro-gestes professionnels : la voix, le regard, le positionnement, la parole.</p>',
        thumbnails.microGestures,
        [
          section('Présentation', '', [
            label(
              'objective',
              'Objectif',
              '<p>Prendre conscience de ses gestes professionnels et les ajuster.</p>',
            ),
          ]),
          section('La voix et le regard', '', [
            page(
              'Poser sa voix',
              '<p>Varier le débit, le volume et les silences aide les élèves à suivre.</p>',
            ),
            label(
              'instruction',
              'Consigne',
              '<p>Filmez-vous cinq minutes en classe et repérez trois moments où votre voix change.</p>',
            ),
          ]),
        ],
        {
          collection: 'action',
          publics: ['enseignants_2d', 'enseignants_lp', 'cpe'],
          objectives:
            '<p>Observer, analyser et ajuster ses micro-gestes professionnels : la voix, le regard, le positionnement, la parole.</p>',
          durationOnSite: 180,
          durationRemote: 120,
          keywords: ['gestes professionnels', 'voix', 'observation'],
          origin: 'mutualise',
          version: '1.2',
        },
      ),
    },
    {
      domain: 'ac-aix-marseille',
      stage: 'template',
      manifest: course(
        'Gabarit — parcours en autoformation',
        'GABARIT-AUTOFORMATION',
        '<p>Un modèle de parcours en autoformation : présentation, séances, bilan. Dupliquez-le pour créer un nouveau parcours.</p>',
        thumbnails.template,
        [
          section('Présentation', '<p>Présentez le public, la durée et les objectifs.</p>', [
            label('objective', 'Objectifs', '<p>Indiquez ici les objectifs du parcours.</p>'),
            label('instruction', 'Modalités', '<p>Expliquez comment suivre le parcours.</p>'),
          ]),
          section('Séance 1', '', [
            page('Contenu de la séance', '<p>Rédigez ici le contenu de la séance.</p>'),
          ]),
          section('Bilan', '', [label('remember', 'À retenir', '<p>Résumez les points essentiels.</p>')]),
        ],
      ),
    },
  ];
  return { courses, files };
}
