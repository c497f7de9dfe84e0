import './explore.css';
import { mountExplorer } from './explorer';
import { mountSourcePage } from './source-page';

// One bundle, two pages: the server says which by data-mode on #app.
const root = document.getElementById('app');
if (root?.dataset.mode === 'source' && root.dataset.sourceId) void mountSourcePage(root, root.dataset.sourceId);
else if (root) window.__explorer = mountExplorer(root);
