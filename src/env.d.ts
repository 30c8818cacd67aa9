/// <reference types="svelte" />
/// <reference types="vite/client" />

/** True only in `vite build --mode test`: the scripted engine is compiled in. */
declare const __SCRIPTED_ENGINE__: boolean;

/** True in `vite build` output (any mode), false on the dev server. */
declare const __IS_BUILT_APP__: boolean;

/** The app version from package.json, recorded in exported result bundles. */
declare const __APP_VERSION__: string;
