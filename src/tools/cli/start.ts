import { runHub } from '../../app/main';
import { importSeed } from '../seed/seed.importer';
import { graphIsEmpty } from '../../record/record.repository';

// `npm start`: the hub, loading the curated seed first when SEED_ON_START asks for it ("auto": into an empty
// graph only). The seed importer lives in the tools wing, so this entry point, not the product, joins the two.
void runHub({
  async prepareGraph(db, config, log) {
    const seed = config.seedOnStart === 'always' || (config.seedOnStart === 'auto' && (await graphIsEmpty(db)));
    if (seed) await importSeed(db, config.seedDir, log);
  },
});
