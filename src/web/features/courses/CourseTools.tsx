/** The course page's toolbar in edit mode: settings, duplicate (in a modal), export as a zip archive. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CourseDuplicateBody } from '../../../shared/api.ts';
import { api } from '../../api/client.ts';
import type { Course } from '../../api/courses.ts';
import { useMe } from '../../app/auth.tsx';
import {
  ErrorSummary,
  type FieldErrors,
  fieldId,
  fieldState,
  invalidProps,
  problemFieldErrors,
  readForm,
  zodFieldErrors,
} from '../../components/forms.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';

const duplicateModal = createModal({ id: 'modale-duplication-parcours', isOpenedByDefault: false });

export function CourseTools({ course }: { course: Course }) {
  const { t } = useTranslation();
  return (
    <>
      <ul
        className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mb-3w"
        aria-label={t('ui.courses.toolbar')}
      >
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-settings-5-line"
            linkProps={{ to: `/parcours/${course.id}/parametres` }}
          >
            {t('ui.courses.settings.link')}
          </Button>
        </li>
        <li>
          <Button priority="secondary" iconId="fr-icon-file-add-line" onClick={() => duplicateModal.open()}>
            {t('ui.courses.duplicate.button')}
          </Button>
        </li>
        <li>
          <a
            className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
            href={`/api/courses/${encodeURIComponent(course.id)}/archive`}
            download
          >
            {t('ui.courses.export.button')}
          </a>
        </li>
      </ul>
      <DuplicateModal course={course} />
    </>
  );
}

function DuplicateModal({ course }: { course: Course }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const form = 'dupliquer-parcours';
  const labels: Record<string, string> = {
    domainId: t('ui.courses.duplicate.domainId'),
    title: t('ui.courses.duplicate.copyTitleLabel'),
  };
  const domains = me.domains;
  const defaultDomain = domains.some((d) => d.id === course.domainId)
    ? course.domainId
    : (domains[0]?.id ?? '');

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event.currentTarget);
    const parsed = CourseDuplicateBody.safeParse(values);
    if (!parsed.success) {
      setMessage(undefined);
      setErrors(zodFieldErrors(parsed.error, values, t));
      return;
    }
    setPending(true);
    try {
      const copy = await api.post<Course>(
        `/api/courses/${encodeURIComponent(course.id)}/duplicate`,
        parsed.data,
      );
      void queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
      setErrors({});
      setMessage(undefined);
      duplicateModal.close();
      navigate(`/parcours/${copy.id}?edition=1`, {
        state: { flash: t('ui.courses.duplicate.done', { title: copy.title }) },
      });
    } catch (error) {
      const fieldErrors = problemFieldErrors(error);
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? undefined : problemMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <duplicateModal.Component
      title={t('ui.courses.duplicate.title', { title: course.title })}
      titleAs="h2"
      buttons={[
        { children: t('ui.common.cancel'), priority: 'secondary' },
        {
          children: t('ui.courses.duplicate.submit'),
          iconId: 'fr-icon-file-add-line',
          doClosesModal: false,
          type: 'submit',
          disabled: pending,
          nativeButtonProps: { form },
        },
      ]}
    >
      <p>{t('ui.courses.duplicate.intro')}</p>
      <ErrorSummary form={form} errors={errors} labels={labels} message={message} as="h3" />
      <form id={form} noValidate onSubmit={submit}>
        <Select
          label={labels.domainId}
          {...fieldState(errors, 'domainId')}
          nativeSelectProps={{
            id: fieldId(form, 'domainId'),
            name: 'domainId',
            required: true,
            defaultValue: defaultDomain,
            ...invalidProps(errors, 'domainId'),
          }}
        >
          <option value="" disabled>
            {t('ui.courses.fields.chooseDomain')}
          </option>
          {domains.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <Input
          label={labels.title}
          {...fieldState(errors, 'title')}
          nativeInputProps={{
            id: fieldId(form, 'title'),
            name: 'title',
            required: true,
            autoComplete: 'off',
            defaultValue: t('ui.courses.duplicate.copyTitle', { title: course.title }),
            ...invalidProps(errors, 'title'),
          }}
        />
      </form>
    </duplicateModal.Component>
  );
}
