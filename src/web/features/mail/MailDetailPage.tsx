import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useMail } from '../../api/outbox.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { MailStatusBadge } from './MailPage.tsx';

export function MailDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useMail(id);
  const crumbs = [{ label: t('ui.mail.title'), to: '/admin/courriels' }];
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <>
        <PageHeading title={t('ui.mail.detailTitle')} crumbs={crumbs} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const { message, text } = query.data;
  return (
    <>
      <PageHeading title={message.subject} crumbs={crumbs}>
        <p>
          <MailStatusBadge status={message.status} />
        </p>
        <ul className="fr-mb-3w">
          <li>{t('ui.mail.to', { to: message.to })}</li>
          <li>{t('ui.mail.createdAt', { date: formatDateTime(message.createdAt) })}</li>
          <li>
            {message.sentAt
              ? t('ui.mail.sentAt', { date: formatDateTime(message.sentAt) })
              : t('ui.mail.notSent')}
          </li>
          <li>{t('ui.mail.attempts', { count: message.attempts })}</li>
          {message.error ? <li>{t('ui.mail.error', { error: message.error })}</li> : null}
        </ul>
      </PageHeading>
      <h2>{t('ui.mail.bodyTitle')}</h2>
      <p className="fr-text--sm">{t('ui.mail.secretsMasked')}</p>
      <pre className="mg-mail-body">{text}</pre>
      <p className="fr-mt-4w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/admin/courriels">
          {t('ui.mail.back')}
        </Link>
      </p>
    </>
  );
}
