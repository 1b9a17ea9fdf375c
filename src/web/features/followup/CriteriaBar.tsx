/**
 * What the filter holds now, as chips one can remove, and the saved filters: save the current one under
 * a name, use or delete one saved before.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Tag } from '@codegouvfr/react-dsfr/Tag.js';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FollowupCriteria,
  type FollowupGrid,
  type SavedFilter,
  SavedFilterBody,
} from '../../../shared/followup.ts';
import { formatDate } from '../../../shared/format.ts';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import { deleteSavedFilter, followupKeys, saveFilter } from '../../api/followup.ts';
import { ConfirmModal, FormModal } from '../../components/dialogs.tsx';
import { TextField } from '../../components/fields.tsx';
import { useProblemMessage } from '../../components/ProblemAlert.tsx';
import { useFormSubmission } from '../../components/useFormSubmission.ts';

const saveModal = createModal({ id: 'modale-enregistrer-filtre', isOpenedByDefault: false });
const deleteModal = createModal({ id: 'modale-supprimer-filtre', isOpenedByDefault: false });

type Chip = { id: string; label: string; without: FollowupCriteria };

/** A calendar day as "1 novembre 2026" (read at noon, so no time zone moves it). */
const day = (value: string) => formatDate(`${value}T12:00:00`);

function chipsOf(
  criteria: FollowupCriteria,
  meta: Pick<FollowupGrid, 'activities' | 'groups'>,
  t: TFunction,
): Chip[] {
  const chips: Chip[] = [];
  const drop = <K extends keyof FollowupCriteria>(key: K): FollowupCriteria => {
    const { [key]: _gone, ...rest } = criteria;
    return rest;
  };
  /** One chip per value of a list; removing it keeps the others. */
  const each = (
    key: 'groupIds' | 'roles' | 'done' | 'notDone' | 'academies' | 'departements' | 'disciplines',
    chip: SuffixOf<'ui.followup.chips'>,
    name: (value: string) => string,
  ) => {
    const values = (criteria[key] ?? []) as string[];
    for (const value of values) {
      const rest = values.filter((v) => v !== value);
      chips.push({
        id: `${key}:${value}`,
        label: t(keyIn('ui.followup.chips', chip), { value: name(value) }),
        without: rest.length ? { ...criteria, [key]: rest } : drop(key),
      });
    }
  };
  const single = (key: keyof FollowupCriteria, chip: SuffixOf<'ui.followup.chips'>, value: string) =>
    chips.push({ id: key, label: t(keyIn('ui.followup.chips', chip), { value }), without: drop(key) });

  if (criteria.q) single('q', 'q', `«\u00a0${criteria.q}\u00a0»`);
  each('groupIds', 'group', (id) => meta.groups.find((g) => g.id === id)?.name ?? id);
  each('roles', 'role', (role) => t(`ui.roles.${role}`, { defaultValue: role }));
  const title = (id: string) => meta.activities.find((a) => a.id === id)?.title ?? id;
  each('done', 'done', title);
  each('notDone', 'notDone', title);
  if (criteria.progressMin !== undefined) single('progressMin', 'progressMin', String(criteria.progressMin));
  if (criteria.progressBelow !== undefined)
    single('progressBelow', 'progressBelow', String(criteria.progressBelow));
  if (criteria.lastAccessSince) single('lastAccessSince', 'since', day(criteria.lastAccessSince));
  if (criteria.lastAccessBefore) single('lastAccessBefore', 'before', day(criteria.lastAccessBefore));
  if (criteria.neverAccessed) single('neverAccessed', 'never', '');
  each('academies', 'academie', (v) => v);
  each('departements', 'departement', (v) => v);
  each('disciplines', 'discipline', (v) => v);
  return chips;
}

export function CriteriaBar({
  courseId,
  meta,
  criteria,
  savedFilters,
  onChange,
}: {
  courseId: string;
  meta: Pick<FollowupGrid, 'activities' | 'groups'>;
  criteria: FollowupCriteria;
  savedFilters: SavedFilter[];
  onChange: (criteria: FollowupCriteria) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const chips = chipsOf(criteria, meta, t);
  const [chosen, setChosen] = useState('');
  const [flash, setFlash] = useState<string>();
  const form = 'enregistrer-filtre';
  const formRef = useRef<HTMLFormElement>(null);
  const chosenFilter = savedFilters.find((f) => f.id === chosen);
  const { errors, message, pending, onSubmit } = useFormSubmission(
    SavedFilterBody.pick({ name: true }),
    async ({ name }) => {
      const saved = await saveFilter(courseId, name, criteria);
      await queryClient.invalidateQueries({ queryKey: followupKeys.savedFilters(courseId) });
      setChosen(saved.id);
      setFlash(t('ui.followup.saved.done', { name: saved.name }));
      formRef.current?.reset();
      saveModal.close();
    },
  );

  async function remove() {
    if (!chosenFilter) return;
    try {
      await deleteSavedFilter(chosenFilter.id);
      await queryClient.invalidateQueries({ queryKey: followupKeys.savedFilters(courseId) });
      setFlash(t('ui.followup.saved.deleted', { name: chosenFilter.name }));
      setChosen('');
    } catch (error) {
      setFlash(problemMessage(error));
    } finally {
      deleteModal.close();
    }
  }

  return (
    <section className="fr-mb-3w" aria-labelledby="criteres-actifs">
      {chips.length > 0 ? (
        <>
          <h2 className="fr-h6 fr-mb-1w" id="criteres-actifs">
            {t('ui.followup.filter.active')}
          </h2>
          <ul className="fr-tags-group">
            {chips.map((chip) => (
              <li key={chip.id}>
                <Tag
                  dismissible
                  small
                  nativeButtonProps={{
                    'aria-label': t('ui.followup.filter.remove', { label: chip.label }),
                    onClick: () => onChange(chip.without),
                  }}
                >
                  {chip.label}
                </Tag>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <h2 className="fr-sr-only" id="criteres-actifs">
          {t('ui.followup.saved.label')}
        </h2>
      )}
      {flash ? (
        <Alert className="fr-mb-2w" severity="success" small role="status" description={flash} />
      ) : null}
      <div className="mg-actions mg-align-end">
        {chips.length > 0 ? (
          <Button priority="secondary" iconId="fr-icon-save-line" onClick={() => saveModal.open()}>
            {t('ui.followup.saved.save')}
          </Button>
        ) : null}
        {savedFilters.length > 0 ? (
          <>
            <Select
              className="fr-mb-0"
              label={t('ui.followup.saved.label')}
              nativeSelectProps={{ value: chosen, onChange: (event) => setChosen(event.target.value) }}
            >
              <option value="">{t('ui.followup.saved.choose')}</option>
              {savedFilters.map((filter) => (
                <option key={filter.id} value={filter.id}>
                  {filter.name}
                </option>
              ))}
            </Select>
            <Button
              priority="secondary"
              disabled={!chosenFilter}
              onClick={() => chosenFilter && onChange(chosenFilter.criteria)}
            >
              {t('ui.followup.saved.apply')}
            </Button>
            <Button
              priority="tertiary"
              iconId="fr-icon-delete-line"
              disabled={!chosenFilter}
              onClick={() => deleteModal.open()}
            >
              {t('ui.followup.saved.delete')}
            </Button>
          </>
        ) : null}
      </div>
      <FormModal
        modal={saveModal}
        form={form}
        title={t('ui.followup.saved.saveTitle')}
        intro={t('ui.followup.saved.saveIntro')}
        submitLabel={t('ui.followup.saved.submit')}
        pending={pending}
        errors={errors}
        labels={{ name: t('ui.followup.saved.name') }}
        message={message}
        formRef={formRef}
        onSubmit={onSubmit}
      >
        <TextField
          form={form}
          name="name"
          errors={errors}
          label={t('ui.followup.saved.name')}
          hint={t('ui.followup.saved.nameHint')}
          required
          maxLength={100}
          autoComplete="off"
        />
      </FormModal>
      <ConfirmModal
        modal={deleteModal}
        title={t('ui.followup.saved.confirmDelete', { name: chosenFilter?.name ?? '' })}
        confirmLabel={t('ui.followup.saved.delete')}
        keepOpen
        onConfirm={() => void remove()}
      >
        <p>{t('ui.followup.saved.confirmDeleteText')}</p>
      </ConfirmModal>
    </section>
  );
}
