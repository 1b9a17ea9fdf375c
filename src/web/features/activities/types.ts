/** The web side of the activity contract: what each kind brings to the pages. */
import type { FrIconClassName } from '@codegouvfr/react-dsfr';
import type { ComponentType } from 'react';
import type { Activity } from '../../api/courses.ts';
import type { FieldErrors } from '../../components/forms.tsx';

export type Settings = Record<string, unknown>;

export type ActivityViewProps = {
  activity: Activity;
  /** Level of the headings the view draws, to keep the page's heading order. */
  headingLevel: 'h2' | 'h3';
};

export type ActivityEditorProps = {
  /** Form id: field ids are `fieldId(form, 'settings.<name>')`, so the error summary links to them. */
  form: string;
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** Field errors keyed by path (`settings.url`). */
  errors: FieldErrors;
};

export type ActivityKindUi = {
  /** DSFR icon class shown beside the kind's name and its activities. */
  icon: FrIconClassName;
  View: ComponentType<ActivityViewProps>;
  Editor: ComponentType<ActivityEditorProps>;
  /** Settings of a new activity of this kind. */
  defaults: () => Settings;
  /** Shown in place on the course page (educational labels) rather than as a link. */
  inline?: boolean;
};

export const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
