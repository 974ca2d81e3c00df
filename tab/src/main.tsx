import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { detectHost } from './host/detect-host.js';
import { deepLinkRoute, routeHash } from './routing.js';

const root = createRoot(document.getElementById('root') as HTMLElement);

// Outside Teams detection is immediate; inside, teams-js answers within a moment.
void detectHost().then((host) => {
  // Opened from a Teams deep link to a page (a card's button, a shared link): go there first.
  const linked = host.kind === 'teams' && !window.location.hash ? deepLinkRoute(host.subPageId) : undefined;
  if (linked) window.location.hash = routeHash(linked);
  root.render(<App host={host} />);
});
