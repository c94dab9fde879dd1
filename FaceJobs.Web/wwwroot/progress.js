// Polls the page's status URL while background jobs run and reloads when their state changes.
(function () {
  const el = document.querySelector('[data-status-url]');
  if (!el || el.dataset.finished === 'true') return;
  const url = el.dataset.statusUrl;
  const version = el.dataset.version;
  let delay = 700;
  async function poll() {
    try {
      const response = await fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const status = await response.json();
        if (status.version !== version) { location.reload(); return; }
      }
    } catch (e) { /* server restarting: keep trying, more slowly */ delay = Math.min(delay * 2, 10000); }
    setTimeout(poll, delay);
  }
  setTimeout(poll, delay);
})();
