import { defineConfig } from 'vitest/config';

// The built files go to target/dist (never committed); local-run's ConsoleServer serves them at :8080,
// and the console image's nginx in a cluster. `npm run dev` proxies /api and /local to a running ./corridor.
export default defineConfig({
  build: { outDir: 'target/dist', emptyOutDir: true, assetsInlineLimit: 0, sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:8080', '/local': 'http://localhost:8080', '/config.json': 'http://localhost:8080' } },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
