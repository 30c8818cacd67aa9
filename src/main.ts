// Entry point: mounts the Svelte shell. Everything else is created inside App.svelte.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });

// The offline service worker is registered by UpdatePrompt (src/ui/state/appUpdate.svelte.ts).
