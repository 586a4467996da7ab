import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({ base: '/react/', plugins: [react()], build: { outDir: '../dist/react', emptyOutDir: true } });
