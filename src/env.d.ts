/// <reference types="svelte" />
/// <reference types="vite/client" />

/** True only in `vite build --mode test`: the scripted engine is compiled in. */
declare const __SCRIPTED_ENGINE__: boolean;
