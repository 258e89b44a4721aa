export { importDocx } from "./import-docx";
