import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { type MailMessage, useMailList } from '../../api/outbox.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function MailStatusBadge({ status }: { status: MailMessage['status'] }) {
  const { t } = useTranslation();
  const severity = status === 'sent' ? 'success' : status === 'failed' ? 'error' : 'info';
  return (
    <Badge small noIcon as="span" severity={severity}>
      {t(`ui.mailStatus.${status}`)}
    </Badge>
  );
}

export function MailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useMailList(page);
  return (
    <>
      <PageHeading title={t('ui.mail.title')} crumbs={[]}>
        <p>{t('ui.mail.intro')}</p>
      </PageHeading>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <ProblemAlert error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState message={t('ui.mail.empty')} next={t('ui.mail.emptyNext')} />
      ) : (
        <>
          <Table
            caption={`${t('ui.mail.caption')} (${t('ui.common.resultCount', { count: query.data.total })})`}
            headers={[
              t('ui.mail.colDate'),
              t('ui.mail.colTo'),
              t('ui.mail.colSubject'),
              t('ui.mail.colStatus'),
              t('ui.mail.colAttempts'),
            ]}
            data={query.data.items.map((mail) => [
              formatDateTime(mail.createdAt),
              mail.to,
              <Link key="subject" to={`/admin/courriels/${mail.id}`}>
                {mail.subject}
              </Link>,
              <MailStatusBadge key="status" status={mail.status} />,
              String(mail.attempts),
            ])}
          />
          <ListPages
            total={query.data.total}
            perPage={query.data.pageSize}
            page={page}
            link={(n) => ({ to: `?page=${n}` })}
          />
        </>
      )}
    </>
  );
}
