// Asks before a form with data-confirm is submitted. The question is read from the attribute as plain text, so
// whatever user text it holds (a person's name) is never parsed as script or markup.
document.addEventListener('submit', function (event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) return;
  if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
});
