/**
 * The navigation between a course's pages (content, life cycle, indexation, participants, follow-up…),
 * showing only those the person may use there.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCourseCapabilities } from '../../api/roles.ts';

export type CoursePageName =
  | 'content'
  | 'lifecycle'
  | 'indexation'
  | 'participants'
  | 'groups'
  | 'followup'
  | 'reminders'
  | 'attendance'
  | 'completion'
  | 'settings';

/** Each page: its path under `/parcours/:id`, and the capabilities of which one opens it. */
const PAGES: { name: CoursePageName; path: string; anyOf: string[] }[] = [
  { name: 'content', path: '', anyOf: [] },
  { name: 'lifecycle', path: '/cycle-de-vie', anyOf: ['course:viewhidden'] },
  { name: 'indexation', path: '/indexation', anyOf: ['course:update'] },
  { name: 'participants', path: '/participants', anyOf: ['enrolment:view', 'enrolment:manage'] },
  { name: 'groups', path: '/groupes', anyOf: ['group:manage'] },
  { name: 'followup', path: '/suivi', anyOf: ['followup:view'] },
  { name: 'reminders', path: '/relances', anyOf: ['followup:remind'] },
  { name: 'attendance', path: '/attestation', anyOf: ['followup:attest'] },
  { name: 'completion', path: '/achevement', anyOf: ['course:update'] },
  { name: 'settings', path: '/parametres', anyOf: ['course:update'] },
];

export function CourseNav({ courseId, current }: { courseId: string; current: CoursePageName }) {
  const { t } = useTranslation();
  const capabilities = useCourseCapabilities(courseId);
  const held = new Set(capabilities.data ?? []);
  const pages = PAGES.filter((page) => page.anyOf.length === 0 || page.anyOf.some((c) => held.has(c)));
  // A participant has only the content: no navigation to show.
  if (pages.length < 2) return null;
  return (
    <nav className="fr-nav mg-course-nav fr-mb-4w" aria-label={t('ui.lifecycle.nav.label')}>
      <ul className="fr-nav__list">
        {pages.map((page) => (
          <li key={page.name} className="fr-nav__item">
            <Link
              className="fr-nav__link"
              to={`/parcours/${courseId}${page.path}`}
              aria-current={page.name === current ? 'page' : undefined}
            >
              {t(`ui.lifecycle.nav.${page.name}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
