import { createRoot } from 'react-dom/client';

/**
 * The bench's floor (scripts/bench-renderer.mjs): React and nothing else, drawing one line of
 * Chinese text, measured the way the app's first render is. What a first render costs on the
 * machine before any of the app's own work, so figures from a busier or slower moment can be told
 * apart from a slower app.
 */
createRoot(document.getElementById('root')!).render(<p className="floor">政务公开年报助手</p>);
