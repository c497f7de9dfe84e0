import 'reflect-metadata';
import fs from 'node:fs';
import { SDL_FILE, printHubSchema } from '../../src/app/sdl';

test('schema/schema.graphql matches the schema the code builds (run `npm run schema:emit` after a change)', () => {
  expect(fs.readFileSync(SDL_FILE, 'utf8')).toBe(printHubSchema());
});
