export { importPdf } from "./import-pdf";
