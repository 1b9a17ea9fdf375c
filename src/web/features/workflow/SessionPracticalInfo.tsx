/**
 * "Informations pratiques" on a session's course page: when the session runs, who trains, whom to write
 * to, and when and where to come for its on-site days. Nothing for a course that is not a session.
 */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { isSession, type SessionPractical, type Stage } from '../../../shared/lifecycle.ts';
import { useSessionPractical } from '../../api/workflow.ts';
import './session.css';

/** "lundi 18 janvier 2027": a calendar day, the same wherever the reader is. */
const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));
/** "13 h 30", "9 h 00", as the State writes hours. */
const formatHour = (time: string) => {
  const [hours = '0', minutes = '00'] = time.split(':');
  return `${Number(hours)}\u00a0h\u00a0${minutes}`;
};

export function SessionPracticalInfo({
  course,
  show = true,
}: {
  course: { id: string; stage: Stage };
  show?: boolean;
}) {
  const session = isSession(course.stage);
  const query = useSessionPractical(course.id, show && session);
  if (!show || !session || !query.data) return null;
  return <Practical info={query.data} />;
}

function Practical({ info }: { info: SessionPractical }) {
  const { t } = useTranslation();
  const { startsAt, endsAt, trainers, contact, onSiteDays } = info;
  const dates =
    startsAt && endsAt
      ? t('ui.lifecycle.practical.from', { start: formatDate(startsAt), end: formatDate(endsAt) })
      : startsAt
        ? t('ui.lifecycle.practical.since', { start: formatDate(startsAt) })
        : endsAt
          ? t('ui.lifecycle.practical.until', { end: formatDate(endsAt) })
          : t('ui.lifecycle.practical.noDates');
  return (
    <section className="mg-practical" aria-labelledby="infos-pratiques">
      <h2 id="infos-pratiques" className="fr-h5 fr-mb-2w">
        {t('ui.lifecycle.practical.title')}
      </h2>
      <dl>
        <dt>{t('ui.lifecycle.practical.dates')}</dt>
        <dd>{dates}</dd>
        {trainers.length > 0 ? (
          <>
            <dt>{t('ui.lifecycle.practical.trainers', { count: trainers.length })}</dt>
            <dd>{trainers.map((trainer) => trainer.name).join(', ')}</dd>
          </>
        ) : null}
        {contact.email || contact.text ? (
          <>
            <dt>{t('ui.lifecycle.practical.contact')}</dt>
            <dd>
              {contact.email ? (
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              ) : (
                <span className="mg-practical__text">{contact.text}</span>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {onSiteDays.length > 0 ? (
        <>
          <h3 className="fr-h6 fr-mb-1w">{t('ui.lifecycle.practical.onSite')}</h3>
          <ul className="fr-mb-0">
            {onSiteDays.map((day) => (
              <li key={`${day.date}-${day.startTime}-${day.place}`}>
                <strong>
                  {t('ui.lifecycle.practical.day', {
                    date: formatDay(day.date),
                    start: formatHour(day.startTime),
                    end: formatHour(day.endTime),
                  })}
                </strong>
                <br />
                <span className="mg-practical__text">{day.place}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
