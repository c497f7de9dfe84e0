import fs from 'node:fs';
import { SDL_FILE, printHubSchema } from '../../app/sdl';

fs.writeFileSync(SDL_FILE, printHubSchema());
process.stdout.write(`Wrote ${SDL_FILE}\n`);
