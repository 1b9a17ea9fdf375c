/**
 * The controls of a list whose query lives in the page's address (users, the audit log, participants, the
 * catalogue…): the search or filter bar above it, the links of its pages below.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import type { FrIconClassName } from '@codegouvfr/react-dsfr/fr/generatedFromCss/classNames.js';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination.js';
import type { ReactNode } from 'react';

/**
 * The search or filter bar: its fields in a row, the button at the end. Redrawn (`formKey`) when the
 * address changes, so the fields show what it holds.
 */
export function SearchForm({
  legend,
  legendHidden = false,
  formKey,
  className = 'fr-mb-4w',
  fieldsetClassName,
  submitLabel,
  submitIcon,
  buttonWidth,
  onSearch,
  children,
}: {
  legend: string;
  /** Said to screen readers only, when the page's heading already says what the bar is for. */
  legendHidden?: boolean;
  formKey: string;
  className?: string;
  fieldsetClassName?: string;
  submitLabel: string;
  submitIcon: FrIconClassName;
  /** The button's share of the row, in twelfths from the medium breakpoint. */
  buttonWidth: number;
  /** The fields' values, to put in the address. */
  onSearch: (data: FormData) => void;
  /** The fields, each in a `SearchCell`. */
  children: ReactNode;
}) {
  return (
    <search>
      <form
        className={className}
        key={formKey}
        onSubmit={(event) => {
          event.preventDefault();
          onSearch(new FormData(event.currentTarget));
        }}
      >
        <fieldset className={fieldsetClassName ? `fr-fieldset ${fieldsetClassName}` : 'fr-fieldset'}>
          <legend
            className={`fr-fieldset__legend ${legendHidden ? 'fr-sr-only' : 'fr-fieldset__legend--regular'}`}
          >
            {legend}
          </legend>
          {children}
          <SearchCell width={buttonWidth} className="mg-align-end">
            <Button type="submit" iconId={submitIcon}>
              {submitLabel}
            </Button>
          </SearchCell>
        </fieldset>
      </form>
    </search>
  );
}

/** One field of a search bar, taking `width` twelfths of the row from the medium breakpoint. */
export function SearchCell({
  width,
  className,
  children,
}: {
  width: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`fr-fieldset__element fr-col-12 fr-col-md-${width}${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}

/** The links of a paginated list's pages: the address as it is, but for its `page`. */
export function pageLinks(params: URLSearchParams) {
  return (page: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return { to: `?${next.toString()}` };
  };
}

/** The list's pages, when there is more than one; `link` gives a page's address. */
export function ListPages({
  total,
  perPage,
  page,
  link,
  className,
}: {
  total: number;
  perPage: number;
  page: number;
  link: (page: number) => { to: string };
  className?: string;
}) {
  const count = Math.max(1, Math.ceil(total / perPage));
  if (count <= 1) return null;
  return (
    <Pagination
      className={className}
      count={count}
      defaultPage={page}
      showFirstLast
      getPageLinkProps={link}
    />
  );
}
