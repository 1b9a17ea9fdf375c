/** Cells the lists of people share: a person named and reached, and the button that takes a row out. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';

/** "Nom Prénom", then the address, which may break anywhere rather than widen the table. */
export function personCells(person: { firstName: string; lastName: string; email: string }) {
  return [
    `${person.lastName} ${person.firstName}`,
    <span key="email" className="mg-break">
      {person.email}
    </span>,
  ];
}

/** Takes a row out of a list (a member, a role, an enrolment); `ariaLabel` names what goes from where. */
export function RemoveButton({
  label,
  ariaLabel,
  onClick,
}: {
  label: string;
  ariaLabel: string;
  onClick: () => void;
}) {
  return (
    <Button
      size="small"
      priority="tertiary"
      iconId="fr-icon-close-line"
      onClick={onClick}
      nativeButtonProps={{ 'aria-label': ariaLabel }}
    >
      {label}
    </Button>
  );
}
