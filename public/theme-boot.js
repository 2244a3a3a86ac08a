// The standalone page's theme, applied before the first paint (a classic script in
// <head>, before the stylesheets): the choice remembered on this device ('light',
// 'dark'), else 'auto', which follows the system. The app changes it when the user
// chooses (src/components/theme_choice.rs); the names and the key are the app's
// (src/domain/theme.rs, src/prefs.rs), and a native test keeps them equal.
(function () {
  var theme = 'auto';
  try {
    theme = localStorage.getItem('org-console.theme') || 'auto';
  } catch (e) {
    // storage disabled: the system's theme
  }
  if (theme !== 'light' && theme !== 'dark') theme = 'auto';
  document.documentElement.setAttribute('data-oc-theme', theme);
})();
