import {defineConfig} from 'vite';

/**
 * `vite build`            → dist/quanda.js: the drop-in file, self-registering, minified,
 *                           with lazily loaded chunks beside it.
 * `vite build --mode lib` → dist/lib/: the npm entries (`quanda`, `quanda/define`), one
 *                           module per source file, dependencies left to the app's bundler.
 */
export default defineConfig(({mode}) => {
  const lib = mode === 'lib';
  return {
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: lib ? 'dist/lib' : 'dist',
      emptyOutDir: true,
      sourcemap: true,
      // Terser takes ~0.35 kB gzip more off the first load than the default minifier.
      minify: lib ? false : 'terser',
      terserOptions: {ecma: 2020, module: true, compress: {passes: 2}},
      reportCompressedSize: false,
      lib: lib
        ? {entry: {index: 'src/index.ts', define: 'src/define.ts'}, formats: ['es']}
        : {entry: 'src/quanda.ts', formats: ['es'], fileName: () => 'quanda.js'},
      rolldownOptions: {
        external: lib ? [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, 'idb', /^zod($|\/)/] : [],
        preserveEntrySignatures: 'allow-extension',
        output: lib
          ? {preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js'}
          : {minify: true, chunkFileNames: 'chunks/[name]-[hash].js'},
      },
    },
  };
});
