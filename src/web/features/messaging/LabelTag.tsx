/** A label's name in its colour: a DSFR badge tinted with one of the illustrative accents. */
import type { MessageLabel } from '../../api/messaging.ts';

export function LabelTag({ label }: { label: MessageLabel }) {
  return (
    <span className={`fr-badge fr-badge--sm fr-badge--no-icon fr-badge--${label.colour}`}>{label.name}</span>
  );
}
