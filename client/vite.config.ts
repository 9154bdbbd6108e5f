/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every hashed text file under assets/, at high levels:
 * compressed once at build time, not per request. The host serves the copy the browser accepts (docs/decisions/0026).
 */
function precompress(): Plugin {
  return {
    name: 'okr-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => name.startsWith('assets/') && /\.(js|css|svg|json|ttf|woff)$/.test(name));
      for (const name of files) {
        const file = path.join(dir, name);
        const content = await readFile(file);
        if (content.length < 1024) continue;
        const [br, gz] = await Promise.all([
          // Quality 11 costs about a second per 100 KB: the app's chunks get it, the API explorer's multi-megabyte editor
          // gets 9 (a few per cent larger, ten times faster), so a build stays in seconds.
          brotli(content, {
            params: { [constants.BROTLI_PARAM_QUALITY]: content.length > 256 * 1024 ? 9 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
          }),
          gzipped(content, { level: 9 }),
        ]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }
    },
  };
}

// The dev server proxies the API, GraphQL and Swagger to the .NET host (dotnet run --project src/Okr.Api).
const api = process.env.OKR_API_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/graphql': api,
      '/swagger': api,
      '/health': api,
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // See test-setup.ts: time limits that hold on a loaded machine too.
    testTimeout: 30_000,
  },
});
