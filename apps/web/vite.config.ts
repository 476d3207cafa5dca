import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = process.env.MEUTE_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // changeOrigin off: the API sees the browser's Host, equal to its Origin, so its CSRF guard
    // (same-origin check on state-changing requests) accepts the app's requests.
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/healthz': { target: API, changeOrigin: false },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
