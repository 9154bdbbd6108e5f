import { useEffect, useState } from 'react';

type Health = { status: string } | { error: string } | null;

/** The shell of the SPA: for now it shows whether the API is up, and where to find it. */
export function App() {
  const [health, setHealth] = useState<Health>(null);

  useEffect(() => {
    fetch('/health')
      .then((response) => response.json() as Promise<{ status: string }>)
      .then((body) => setHealth({ status: body.status }))
      .catch(() => setHealth({ error: 'The API is not reachable.' }));
  }, []);

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', padding: '0 1rem' }}>
      <h1>Okr</h1>
      <p>Objectives and key results: aligned, measured, transparent.</p>
      <p role="status">
        {health === null && 'Checking the API…'}
        {health !== null && 'status' in health && `API: ${health.status}`}
        {health !== null && 'error' in health && health.error}
      </p>
      <p>
        <a href="/swagger">REST API (Swagger)</a>
      </p>
    </main>
  );
}
