import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import preact from '@preact/preset-vite'
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite'
import { STAFF_CSP } from './api/http/static-files'

/**
 * One `vite build` writes everything the server hands to browsers into dist/:
 * - `widget.js`       the loader a practice pastes: one small IIFE, a stable name, a short cache;
 * - `portal.html`     the portal page template (served by api/routes/portal-page.ts with its CSP);
 * - `assets/*`        the portal's hashed chunks and styles, cached for a year;
 * - the demo practice website, copied from demo-site/public.
 */
const here = (path: string) => resolve(import.meta.dirname, path)

/** A build of its own, run once the portal's is written, into the same output folder (wherever it was pointed). */
function separateBuild(name: string, config: (outDir: string) => InlineConfig): Plugin {
  let outDir = here('dist')
  return {
    name,
    apply: 'build',
    configResolved(resolved) {
      outDir = resolved.build.outDir
    },
    async closeBundle() {
      await build({ configFile: false, logLevel: 'warn', ...config(outDir) })
    },
  }
}

/** The loader is not an ES module (a plain `<script async>` runs it), so it is its own IIFE build. */
const loaderBuild = () =>
  separateBuild('hearth-loader', (outDir) => ({
    plugins: [minifyLoaderCss()],
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      target: 'es2020',
      lib: {
        entry: here('widget/loader.ts'),
        formats: ['iife'],
        name: 'HearthLoader',
        fileName: () => 'widget.js',
      },
    },
  }))

/** The launcher's stylesheet is written readably; every byte of `/widget.js` counts, so squeeze it. */
function minifyLoaderCss(): Plugin {
  return {
    name: 'hearth-loader-css',
    transform(code, id) {
      if (!id.endsWith('widget/loader-css.ts')) return null
      return code.replace(/(?<=LOADER_CSS = )`[^`]*`/, (css) =>
        css.replace(/\s*\n\s*/g, '').replace(/\s*([{};:,>])\s*/g, '$1'),
      )
    },
  }
}

/**
 * The strings in the portal's bundle. The dictionaries also hold reminder emails, SMS and
 * insights, which the portal never shows: only these groups are kept. Of those, only the ones the
 * sign-in form (and "Need help now?") needs travel in the first load; the rest arrive with the
 * signed-in chunk (widget/app/later-strings.ts), which is loaded before any signed-in screen.
 * widget/strings.test.ts checks both lists against the keys the code uses.
 * This rewrites shared/i18n for everything in this build: another app that needs other strings
 * (the staff console) should be its own build, as the loader is (see loaderBuild).
 */
export const PORTAL_STRING_GROUPS = ['date', 'cancel', 'contact', 'crisis', 'widget'] as const
export const FIRST_LOAD_STRINGS = [
  'crisis.',
  'contact.helpNow',
  'widget.signin.',
  'widget.signout.',
  'widget.idle.',
  'widget.error.',
  'widget.help.',
  'widget.crisis.',
  'widget.launcher',
  'widget.pageTitle',
  'widget.close',
  'widget.back',
  'widget.retry',
  'widget.loading',
  'widget.thePractice',
] as const

const LOCALES = ['en', 'es', 'fr'] as const
const isFirstLoad = (key: string) => FIRST_LOAD_STRINGS.some((p) => (p.endsWith('.') ? key.startsWith(p) : key === p))

function portalStrings(): Plugin {
  const kept = new RegExp(`^(${PORTAL_STRING_GROUPS.join('|')})\\.`)
  async function dictionary(locale: string): Promise<[string, unknown][]> {
    const { tsImport } = await import('tsx/esm/api')
    const module = await tsImport(pathToFileURL(here(`shared/i18n/${locale}.ts`)).href, import.meta.url)
    return Object.entries(module[locale] as Record<string, unknown>).filter(([key]) => kept.test(key))
  }
  return {
    name: 'hearth-portal-strings',
    apply: 'build',
    async transform(_code, id) {
      const locale = /shared\/i18n\/(en|es|fr)\.ts$/.exec(id)?.[1]
      if (locale) {
        const first = (await dictionary(locale)).filter(([key]) => isFirstLoad(key))
        return `export const ${locale} = ${JSON.stringify(Object.fromEntries(first))}`
      }
      if (id.endsWith('widget/app/later-strings.ts')) {
        const lines = [
          `import { en } from '../../shared/i18n/en'`,
          `import { es } from '../../shared/i18n/es'`,
          `import { fr } from '../../shared/i18n/fr'`,
        ]
        for (const l of LOCALES) {
          const later = (await dictionary(l)).filter(([key]) => !isFirstLoad(key))
          lines.push(`Object.assign(${l}, ${JSON.stringify(Object.fromEntries(later))})`)
        }
        return lines.join('\n')
      }
      return null
    },
  }
}

/**
 * The staff console (staff/) served at /staff: its own build into dist/staff, because it
 * needs strings the portal's build trims (staff words, insight labels) and shares no chunk with it.
 */
const staffConsoleBuild = () =>
  separateBuild('hearth-staff-console', (outDir) => ({
    root: here('staff'),
    base: '/staff/',
    publicDir: false,
    plugins: [preact()],
    build: {
      outDir: resolve(outDir, 'staff'),
      emptyOutDir: true,
      target: 'es2020',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  }))

/** Static hosts (Workers assets) get the same cache rules as api/node.ts, and never serve the bare template. */
function staticHeaders(): Plugin {
  return {
    name: 'hearth-static-headers',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: [
          '/assets/*',
          '  Cache-Control: public, max-age=31536000, immutable',
          '/widget.js',
          '  Cache-Control: public, max-age=300',
          '/portal.html',
          "  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          '/portal',
          "  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          '/staff',
          `  Content-Security-Policy: ${STAFF_CSP}`,
          '  Referrer-Policy: no-referrer',
          '/staff/*',
          `  Content-Security-Policy: ${STAFF_CSP}`,
          '  Referrer-Policy: no-referrer',
          '',
        ].join('\n'),
      })
    },
  }
}

export default defineConfig({
  root: here('widget/app'),
  publicDir: here('demo-site/public'),
  plugins: [preact(), portalStrings(), loaderBuild(), staffConsoleBuild(), staticHeaders()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: { input: { portal: here('widget/app/portal.html') } },
  },
})
