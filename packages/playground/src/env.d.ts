// Vite turns CSS imports into style sheets of the page.
declare module '*.css';
