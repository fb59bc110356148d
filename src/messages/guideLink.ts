// Italian user-facing strings: the pane's link to the user guide (dist/guida.html). Apart
// from src/messages/guide.ts so the pane's bundle does not carry the guide's text.

export const GUIDE_LINK = {
  label: "Guida d'uso",
  title: "Apre la guida di Piano Performance in una nuova finestra",
};
