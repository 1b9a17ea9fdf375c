/** The web side of the activity contract: what each kind brings to the pages. */
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { Activity, ActivitySummary } from '../../api/courses.ts';
import type { FieldErrors } from '../../components/forms.tsx';

export type Settings = Record<string, unknown>;

export type ActivityViewProps = {
  /** The whole activity, settings included (`GET /api/activities/:id`). */
  activity: Activity;
  /** Level of the headings the view draws, to keep the page's heading order. */
  headingLevel: 'h2' | 'h3';
};

export type ActivityInlineProps = {
  /** The activity as the course page lists it: its `summary`, not its settings. */
  activity: ActivitySummary;
  headingLevel: 'h2' | 'h3';
};

export type ActivityEditorProps = {
  /** Form id: field ids are `fieldId(form, 'settings.<name>')`, so the error summary links to them. */
  form: string;
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** Field errors keyed by path (`settings.url`). */
  errors: FieldErrors;
  /**
   * On the creation page only: files chosen before the activity exists. The kind hands over how to send
   * them (or `null` when none is chosen); the form sends them as soon as the activity is created.
   */
  onPendingUpload?: (send: PendingUpload | null) => void;
};

/** Sends the files a kind's editor was given to the activity just created. */
export type PendingUpload = (activityId: string) => Promise<void>;

export type ActivityKindUi = {
  /** DSFR icon class shown beside the kind's name and its activities. */
  icon: FrIconClassName;
  /** The activity's own page. */
  View: ComponentType<ActivityViewProps>;
  Editor: ComponentType<ActivityEditorProps>;
  /** Settings of a new activity of this kind. */
  defaults: () => Settings;
  /**
   * Shown in place on the course page (educational labels) rather than as a link, drawn from the summary
   * the server's `coursePageSummary` gives.
   */
  Inline?: ComponentType<ActivityInlineProps>;
  /** A few words after the kind's name on the course page, from the summary: a link's site, a file's size. */
  detail?: (summary: Settings, i18n: { t: TFunction; language: string }) => string | undefined;
};

export const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** The site of an address, as people say it (`eduscol.education.fr`); nothing when it is not one. */
export function siteOf(value: unknown): string | undefined {
  try {
    return new URL(str(value)).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}
