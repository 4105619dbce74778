/** Estonian, the default language; the source document's own wording. One file per area. */
import { cardParts } from './card-parts';
import { firstScreen } from './first-screen';
import { pages } from './pages';

export const et = { ...firstScreen, ...pages, ...cardParts, diagnostics: { ...firstScreen.diagnostics, ...cardParts.diagnostics } };
