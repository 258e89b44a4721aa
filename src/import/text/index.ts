export { parseDirectiveText } from "./parse-directive";
