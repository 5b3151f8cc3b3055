// Progressive enhancement only: every page works without this file.
import { initAll } from './govuk-frontend.min.js';
import { SortableTable } from './moj-frontend.min.js';

initAll();
for (const table of document.querySelectorAll('[data-module="moj-sortable-table"]')) {
  new SortableTable(table);
}

// An upload's page polls its job instead of reloading the whole page.
const state = document.getElementById('upload-state');
if (state && state.dataset.job) {
  const poll = async () => {
    try {
      const res = await fetch('/api/uploads/' + encodeURIComponent(state.dataset.job), { credentials: 'same-origin' });
      const job = await res.json();
      if (job.state === 'done' || job.state === 'failed') {
        window.location.reload();
        return;
      }
      const list = document.getElementById('upload-progress');
      if (list) list.replaceChildren(...job.progress.map((line) => {
        const li = document.createElement('li');
        li.textContent = line;
        return li;
      }));
    } catch (e) {
      // The Refresh header reloads the page anyway.
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}

// A back link goes where the reader came from when that was a page of ours;
// without this file it goes to the reader's home page.
for (const back of document.querySelectorAll('a[data-module="beacon-back"]')) {
  try {
    const from = new URL(document.referrer);
    if (from.origin === window.location.origin && from.href !== window.location.href) {
      back.href = from.pathname + from.search + from.hash;
    }
  } catch (e) {
    // No referrer: keep the home page.
  }
}
