/*
|--------------------------------------------------------------------------
| Ace entry point — runs `node ace <command>` through the TypeScript loader
|--------------------------------------------------------------------------
*/
import 'ts-node-maintained/register/esm'

await import('./bin/console.js')
