import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>MSN Messenger</h1>;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
