// Host-side loader: starts the console module; it finds `[data-org-console]`,
// reads data-base-path / data-config-url and mounts itself there.
import init from '/org-console.js';

await init({ module_or_path: '/org-console_bg.wasm' });
