/**
 * The account queries' keys under the name the app's entry (`main.tsx`) imports them by: it forgets the
 * signed-in person (`keys.me`) on a 401. The calls themselves live in `accounts.ts`.
 */
export { accountKeys as keys } from './accounts.ts';
