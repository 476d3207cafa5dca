/** `npm start`: build the web app if needed, then run Meute (embedded database unless DATABASE_URL). */
import { ensureWebBuilt } from './web-build.ts';

ensureWebBuilt();
await import('../apps/server/src/main.ts');
