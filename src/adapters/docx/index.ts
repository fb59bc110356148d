// The .docx renderer of the PIRA document (uses the `docx` package; lazy-load it in the pane).
export { renderDocx, toDocxDocument, xmlSafe, DOCX_MIME } from "./render";
