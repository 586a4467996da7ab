import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The kit's tags are custom elements, not Vue components: Vue leaves them to the browser.
const isCustomElement = (tag: string) => tag.startsWith('checkout-') || tag === 'payment-element';

export default defineConfig({
  base: '/vue/',
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })],
  build: { outDir: '../dist/vue', emptyOutDir: true },
});
