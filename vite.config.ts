import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import preact from '@preact/preset-vite'
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite'
import { headersSetBy, staffPageHeaders } from './api/http/headers'

/**
 * One `vite build` writes everything the server hands to browsers into dist/:
 * - `widget.js`       the loader a practice pastes: one small IIFE, a stable name, a short cache;
 * - `portal.html`     the portal page template (served by api/portal/page-routes.ts with its CSP);
 * - `assets/*`        the portal's hashed chunks and styles, cached for a year;
 * - `staff/`          the staff console (staff/), its own build;
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
    plugins: [minifyLoaderCss(), brotliCopies()],
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

/**
 * A brotli copy beside each script, stylesheet and page the build wrote (the Node server sends it
 * to browsers that accept br; gzip is made on the fly for the rest). Not the bare portal template,
 * which is only served through /portal/{slug}.
 */
function brotliCopies(): Plugin {
  return {
    name: 'hearth-brotli',
    apply: 'build',
    async writeBundle(options, bundle) {
      const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }
      for (const [fileName, file] of Object.entries(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName) || fileName === 'portal.html') continue
        const source = file.type === 'chunk' ? file.code : file.source
        await writeFile(resolve(options.dir ?? here('dist'), `${fileName}.br`), brotliCompressSync(source, quality))
      }
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

/** The staff console (staff/) served at /staff: an app of its own, built into dist/staff, sharing no chunk with the portal. */
const staffConsoleBuild = () =>
  separateBuild('hearth-staff-console', (outDir) => ({
    root: here('staff'),
    base: '/staff/',
    publicDir: false,
    plugins: [preact(), brotliCopies()],
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
    async generateBundle() {
      // The staff console's policy, exactly as the Node server sends it.
      const staff = await headersSetBy(staffPageHeaders)
      const staffLines = [
        `  Content-Security-Policy: ${staff.get('content-security-policy')}`,
        `  Referrer-Policy: ${staff.get('referrer-policy')}`,
      ]
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
          ...staffLines,
          '/staff/*',
          ...staffLines,
          '',
        ].join('\n'),
      })
    },
  }
}

export default defineConfig({
  root: here('widget/app'),
  publicDir: here('demo-site/public'),
  plugins: [preact(), loaderBuild(), staffConsoleBuild(), staticHeaders(), brotliCopies()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: { input: { portal: here('widget/app/portal.html') } },
  },
})
