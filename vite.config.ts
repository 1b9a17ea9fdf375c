import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const DSFR = '/node_modules/@codegouvfr/react-dsfr/';
/** `fr.colors.getHex({ isDark }).decisions.background.default.grey.default`: the page's background. */
const THEME_COLOR_READ =
  /^fr\.colors\.getHex\(\{\s*"?isDark"?\s*(:\s*(true|false|isDark))?\s*\}\)\.decisions\.background\.default\.grey\.default\b/;

/**
 * react-dsfr's `fr` object carries the DSFR's colour tables (`fr.colors`, ≈ 19 KB gzip of JavaScript) into
 * every page, since all its components import `fr` for `fr.cx`. The only reader of those tables in this
 * app is useIsDark, which writes the page's background into the `theme-color` meta. At build, the module is
 * replaced by that one value per colour scheme, read from the real tables when the build starts; any
 * other reader (react-dsfr's Tooltip, `useColors`, our own code) stops the build instead of drawing with
 * colours that are not there. The development server keeps the whole module.
 */
function dsfrThemeColorOnly(): Plugin {
  let background = { light: '', dark: '' };
  return {
    name: 'magistere:dsfr-theme-color-only',
    apply: 'build',
    enforce: 'pre',
    async buildStart() {
      const options = await import('@codegouvfr/react-dsfr/fr/generatedFromCss/getColorOptionsHex.js');
      const decisions = await import('@codegouvfr/react-dsfr/fr/generatedFromCss/getColorDecisionsHex.js');
      const read = (isDark: boolean) =>
        decisions.getColorDecisionsHex({ colorOptions: options.getColorOptionsHex({ isDark }) }).background
          .default.grey.default;
      background = { light: read(false), dark: read(true) };
    },
    load(id) {
      if (!id.split('?')[0]?.endsWith(`${DSFR}fr/colors.js`)) return null;
      return [
        '// Replaced at build by vite.config.ts (dsfrThemeColorOnly): the theme colour only.',
        `const background = ${JSON.stringify(background)};`,
        'export const colors = {',
        '  getHex: ({ isDark }) => ({',
        '    decisions: { background: { default: { grey: { default: isDark ? background.dark : background.light } } } },',
        '  }),',
        '};',
      ].join('\n');
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!file.includes(DSFR) && !file.includes('/src/web/')) return null;
      if (file.endsWith(`${DSFR}fr/colors.js`)) return null;
      const reads = [...code.matchAll(/\bfr\.colors\b/g)].map((m) => code.slice(m.index));
      const tables =
        /generatedFromCss\/(colorOptions|colorDecisions|getColorOptionsHex|getColorDecisionsHex)\b/;
      if (reads.some((read) => !THEME_COLOR_READ.test(read)) || (tables.test(code) && !file.includes('/fr/')))
        this.error(
          `${file} lit les couleurs du DSFR (fr.colors) : dsfrThemeColorOnly (vite.config.ts) ne garde que la couleur de thème.`,
        );
      return null;
    },
  };
}

/** The web app: a single-page app served by Vite in development and by the Fastify server in production. */
export default defineConfig({
  root,
  plugins: [react(), dsfrThemeColorOnly()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // Plugin timing reports are for profiling builds, not for every `npm start`.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    // The API, not the app's own modules under src/web/api/*.ts; `ws`: the realtime WebSocket too.
    proxy: { '^/api/(?!.*\\.tsx?$)': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true } },
  },
  preview: { proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false, ws: true } } },
});
