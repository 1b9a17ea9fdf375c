/**
 * A short name of its own for each course a test makes: within a domain a short name names one course,
 * and a helper called by several tests of a file would otherwise ask for the same one twice.
 */
let made = 0;

export function uniqueShortName(base: string) {
  made += 1;
  return `${base}-${made}`;
}
