/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server proxies the API, GraphQL and Swagger to the .NET host (dotnet run --project src/Okr.Api).
const api = process.env.OKR_API_URL ?? 'http://localhost:5080';

export default defineConfig({
  plugins: [react()],
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
