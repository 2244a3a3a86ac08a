// Host-side loader: starts the console module; it finds `[data-org-console]`,
// reads data-base-path / data-config-url and mounts itself there.
// /org-console.js is the stable entry point (the files it loads are content-hashed).
import start from '/org-console.js';

await start();
