/** Estonian, the default language; the source document's own wording. One file per area. */
import { firstScreen } from './first-screen';
import { pages } from './pages';

export const et = { ...firstScreen, ...pages };
