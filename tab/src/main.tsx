import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { detectHost } from './host/detect-host.js';

const root = createRoot(document.getElementById('root') as HTMLElement);

// Outside Teams detection is immediate; inside, teams-js answers within a moment.
void detectHost().then((host) => root.render(<App host={host} />));
