/** The options of a domain picker, one per domain, by name. */
export function DomainOptions({ domains }: { domains: readonly { id: string; name: string }[] }) {
  return (
    <>
      {domains.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </>
  );
}
