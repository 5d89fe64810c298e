(() => {
  'use strict';
  const all = (selector) => Array.from(document.querySelectorAll(selector));
  const light = (elements, on) => elements.forEach((el) => el && el.classList.toggle('lit', on));
  // Attributes are compared, never pasted into selectors.
  const sameEntity = (id) => all('[data-entity]').filter((el) => el.getAttribute('data-entity') === id);
  const statements = (link) => [
    document.getElementById('l' + link.getAttribute('data-left')),
    document.getElementById('r' + link.getAttribute('data-right')),
  ];
  const hover = (event, on) => {
    const mention = event.target.closest('[data-entity]');
    if (mention) light(sameEntity(mention.getAttribute('data-entity')), on);
    const link = event.target.closest('.link');
    if (link) light(statements(link), on);
  };
  document.addEventListener('mouseover', (event) => hover(event, true));
  document.addEventListener('mouseout', (event) => hover(event, false));
  const tools = document.getElementById('tools');
  const linkedOnly = document.getElementById('linked-only');
  if (tools) tools.hidden = false;
  if (linkedOnly) {
    linkedOnly.addEventListener('change', () => document.body.classList.toggle('linked-only', linkedOnly.checked));
  }
  // Hiding a type takes the colour and badge off its names and dims its chips.
  all('input[data-hide-type]').forEach((box) => {
    box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.getAttribute('data-hide-type'), box.checked));
  });
  document.documentElement.setAttribute('data-js', 'ready');
})();
