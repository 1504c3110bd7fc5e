import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import preact from '@preact/preset-vite'
import { build, defineConfig, type Plugin } from 'vite'

/**
 * One `vite build` writes everything the server hands to browsers into dist/:
 * - `widget.js`       the loader a practice pastes: one small IIFE, a stable name, a short cache;
 * - `portal.html`     the portal page template (served by api/routes/portal-page.ts with its CSP);
 * - `assets/*`        the portal's hashed chunks and styles, cached for a year;
 * - the demo practice website, copied from demo-site/public.
 */
const here = (path: string) => resolve(import.meta.dirname, path)

/** The loader is not an ES module (a plain `<script async>` runs it), so it is its own IIFE build. */
function loaderBuild(): Plugin {
  let outDir = here('dist')
  return {
    name: 'hearth-loader',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
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
      })
    },
  }
}

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
 * The groups of strings the portal shows. The dictionaries also hold reminder emails, SMS and
 * insights, which the portal never shows: leaving them out keeps the first load small.
 * widget/strings.test.ts checks that every key the portal (and the shared code it runs) uses is kept.
 */
export const PORTAL_STRING_GROUPS = ['date', 'cancel', 'contact', 'crisis', 'widget'] as const

function portalStringsOnly(): Plugin {
  const kept = new RegExp(`^(${PORTAL_STRING_GROUPS.join('|')})\\.`)
  return {
    name: 'hearth-portal-strings',
    apply: 'build',
    async transform(_code, id) {
      const locale = /shared\/i18n\/(en|es|fr)\.ts$/.exec(id)?.[1]
      if (!locale) return null
      const { tsImport } = await import('tsx/esm/api')
      const dictionary: Record<string, unknown> = (await tsImport(pathToFileURL(id).href, import.meta.url))[locale]
      const strings = Object.fromEntries(Object.entries(dictionary).filter(([key]) => kept.test(key)))
      return `export const ${locale} = ${JSON.stringify(strings)}`
    },
  }
}

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
          '',
        ].join('\n'),
      })
    },
  }
}

export default defineConfig({
  root: here('widget/app'),
  publicDir: here('demo-site/public'),
  plugins: [preact(), portalStringsOnly(), loaderBuild(), staticHeaders()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: { input: { portal: here('widget/app/portal.html') } },
  },
})
