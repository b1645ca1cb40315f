// Progressive enhancement of the application form (/apply): once an applicant kind is chosen, show only the
// identity group that fits it. Without this script both groups stay visible, each saying when to fill it in, and
// the server ignores the group that does not apply.
(() => {
  const form = document.querySelector('form[action="/apply"]');
  const person = document.getElementById('g-person');
  const org = document.getElementById('g-org');
  if (!form || !person || !org) return;
  const update = () => {
    const chosen = form.querySelector('input[name="applicantKind"]:checked');
    const kind = chosen ? chosen.value : '';
    person.hidden = kind !== '' && kind !== 'naturalPerson';
    org.hidden = kind === 'naturalPerson';
  };
  for (const radio of form.querySelectorAll('input[name="applicantKind"]')) radio.addEventListener('change', update);
  update();
})();
