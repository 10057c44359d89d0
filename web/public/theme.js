// Applies the theme chosen in the user menu (web/src/lib/theme.ts saves it) to <html> before the
// first paint, so that a forced theme never flashes the system's first. A file rather than an
// inline script: the Content-Security-Policy lets scripts come from this origin only.
try {
  var theme = localStorage.getItem('cairn:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage is blocked (a browser policy): the system's theme applies.
}
