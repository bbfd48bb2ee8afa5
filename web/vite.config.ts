/// <reference types="vitest/config" />
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Puts the app's stylesheet into index.html, so the first paint (the page shell the server fills
 * with the featured backdrop) waits for no request but the page itself. About 5 KB compressed.
 */
function inlineStylesheet(): Plugin {
  return {
    name: 'marquee:inline-stylesheet',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let source = String(html.source);
      for (const [file, asset] of Object.entries(bundle)) {
        if (asset.type !== 'asset' || !file.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${file.replace(/[.]/g, '\\.')}"[^>]*>`);
        if (!link.test(source)) continue;
        source = source.replace(link, () => `<style>${String(asset.source)}</style>`);
        delete bundle[file];
      }
      html.source = source;
    },
  };
}

/**
 * Lets tree-shaking drop the parts of React Router the app does not use. Its bundle creates every
 * component and context with an un-annotated call (`React.forwardRef(…)`, `React.createContext(…)`)
 * and then sets its `displayName`, a statement with a side effect as far as the bundler can tell:
 * so `<Form>`, `useSubmit` and the rest of the form machinery were kept although nothing renders
 * them (1.5 KB gzip on every page). These calls are pure, and a `displayName` is read only by the
 * React DevTools and development warnings: the calls are marked pure and the assignments left out.
 * Only React Router's own files are touched; a component the app uses is kept as before.
 */
function reactRouterTreeShaking(): Plugin {
  const routerFile = /[\\/]node_modules[\\/]react-router[\\/]dist[\\/].*\.m?js$/;
  return {
    name: 'marquee:react-router-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!routerFile.test(id)) return null;
      const shakeable = code
        .replace(/^\w+\.displayName = "[^"\n]*";$/gm, '')
        .replace(/= (React\d*)\.(forwardRef|createContext)\(/g, '= /* @__PURE__ */ $1.$2(');
      return shakeable === code ? null : { code: shakeable, map: null };
    },
  };
}

/**
 * Vite builds the SPA with its built-in JSX transform. `@marquee/contracts` is resolved through its
 * `source` export condition: type imports point at the TypeScript sources, and of its code only the
 * artwork URL helpers and the page shell's names (`@marquee/contracts/artwork`, `/shell`) are bundled.
 */
const config: UserConfig = {
  plugins: [inlineStylesheet(), reactRouterTreeShaking()],
  resolve: { conditions: ['source'] },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Inline nothing: the CSP only allows same-origin scripts and images are served by the API.
    assetsInlineLimit: 0,
    // Preload hints only where they pay: the entry's own imports (in index.html), the app chunks
    // the entry imports once the shell is painted, and the browse route's chunk (its lazy import
    // reaches a small facade that imports it: one hint saves that round trip). Other lazy routes
    // get none: on a slow phone inserting a <link> per chunk cost more main-thread time than the
    // round trip it saves.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps, { hostType, hostId }) =>
        hostType === 'html' || /(^|\/)index-[^/]*\.js$/.test(hostId) || /(^|\/)browse-[^/]*\.js$/.test(file) ? deps : [],
    },
    rolldownOptions: {
      output: {
        // The entry only waits for the page shell to be painted, then imports `app/start`: that
        // module and everything it imports is one chunk (one request, one compression context),
        // which the lazy routes import from. Vite's preload helper, which the entry needs too,
        // stays apart, or importing it would run the whole app before the shell is painted.
        // The browse route and the modules it imports (rows, cards, the My List toggle) are one
        // chunk too: as separate files they were eight requests and 2 KB more gzip. The other
        // pages that share some of them (search, My List, the dialog) import them from it.
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /preload-helper/, priority: 1 },
            { name: 'start', test: /[\\/]src[\\/]app[\\/]start\.tsx$/ },
            { name: 'browse', test: /[\\/]src[\\/]app[\\/]routes[\\/]browse\.tsx$/ },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'build') {
    // A build is React's production build whatever NODE_ENV the building process runs with: Vite
    // would otherwise take NODE_ENV from the environment, and `NODE_ENV=test npm start` served the
    // development build (StrictMode's double effects, dev-only checks, 1.7 times the code).
    // Only `vite build --mode development` makes a development bundle, and only on purpose (the
    // e2e suite's StrictMode check). Set before Vite reads it for its own production switches.
    process.env.NODE_ENV = mode === 'development' ? 'development' : 'production';
  }
  return config;
});
