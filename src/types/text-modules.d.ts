/** Text files bundled as strings (webpack's asset/source): the sample directive in the preview. */
declare module "*.txt" {
  const text: string;
  export default text;
}
