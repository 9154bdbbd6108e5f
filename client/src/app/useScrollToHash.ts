import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Scrolls to the section the address names (`#reminder-preferences` from the reminder email, `#comments`
 * from a notification) once it is on the page. */
export function useScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    let tries = 0;
    const timer = window.setInterval(() => {
      const target = document.getElementById(id);
      if (target || ++tries > 40) {
        window.clearInterval(timer);
        target?.scrollIntoView?.({ block: 'start' });
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [hash]);
}

