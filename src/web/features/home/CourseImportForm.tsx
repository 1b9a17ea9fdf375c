/** "Importer un parcours (.zip)": a domain, an archive, then the new course — or the archive's problems. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { courseKeys, importCourse } from '../../api/courses.ts';
import { useMe } from '../../app/auth.tsx';
import { useWorkingDomain } from '../../app/domainChoice.ts';
import { DomainOptions } from '../../components/DomainOptions.tsx';
import { useUploadMessage } from '../../components/upload.ts';

type Problems = { path: string; message: string }[];

export function CourseImportForm() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [workingDomain] = useWorkingDomain();
  const message = useUploadMessage();
  const [fileError, setFileError] = useState<string>();
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<Problems>([]);
  const [pending, setPending] = useState(false);
  const form = 'import-parcours';
  const defaultDomain =
    workingDomain && me.domains.some((d) => d.id === workingDomain)
      ? workingDomain
      : (me.domains[0]?.id ?? '');

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const domainId = String(data.get('domainId') ?? '');
    const file = data.get('archive');
    setError(undefined);
    setProblems([]);
    if (!(file instanceof File) || file.size === 0 || !file.name) {
      setFileError(t('ui.courses.import.noFile'));
      document.getElementById(`${form}-archive`)?.focus();
      return;
    }
    setFileError(undefined);
    setPending(true);
    try {
      const course = await importCourse(file, domainId);
      void queryClient.invalidateQueries({ queryKey: courseKeys.lists });
      navigate(`/parcours/${course.id}?edition=1`, {
        state: { flash: t('ui.courses.import.done', { title: course.title }) },
      });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'archive_invalid' && e.problem.errors?.length) {
        setProblems(e.problem.errors);
      } else {
        setError(message(e));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="fr-mt-4w" aria-labelledby={`${form}-title`}>
      <h3 id={`${form}-title`} className="fr-h6">
        {t('ui.courses.import.title')}
      </h3>
      <p className="fr-text--sm">{t('ui.courses.import.intro')}</p>
      {problems.length > 0 ? (
        <Alert
          className="fr-mb-3w"
          severity="error"
          role="alert"
          as="h4"
          title={t('ui.courses.import.problemsTitle')}
          description={
            <>
              <span>{t('ui.courses.import.problemsIntro')}</span>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.path}|${p.message}`}>
                    {p.path ? (
                      <>
                        <code>{p.path}</code>
                        {'\u00a0: '}
                      </>
                    ) : null}
                    {p.message}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      ) : null}
      {error ? <Alert className="fr-mb-3w" severity="error" role="alert" small description={error} /> : null}
      <form noValidate onSubmit={submit} aria-labelledby={`${form}-title`}>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={t('ui.courses.import.domainId')}
              nativeSelectProps={{
                id: `${form}-domainId`,
                name: 'domainId',
                required: true,
                defaultValue: defaultDomain,
              }}
            >
              <DomainOptions domains={me.domains} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Upload
              label={t('ui.courses.import.file')}
              hint={t('ui.courses.import.fileHint')}
              disabled={pending}
              state={fileError ? 'error' : 'default'}
              stateRelatedMessage={fileError}
              nativeInputProps={{
                id: `${form}-archive`,
                name: 'archive',
                accept: '.zip,application/zip',
                required: true,
                ...(fileError ? { 'aria-invalid': true } : {}),
              }}
            />
          </div>
        </div>
        <Button className="fr-mt-2w" type="submit" iconId="fr-icon-upload-line" disabled={pending}>
          {t('ui.courses.import.submit')}
        </Button>
        <p className="fr-sr-only" role="status">
          {pending ? t('ui.courses.import.pending') : ''}
        </p>
      </form>
    </section>
  );
}
