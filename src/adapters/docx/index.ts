// The .docx renderer of the PIRA document (uses the `docx` package; lazy-load it in the pane).
export { renderDocx, toDocxDocument, xmlSafe } from "./render";
export { DOCX_MIME } from "../../core/document/model";
export { piraDocx, type PiraOptions } from "./pira";
